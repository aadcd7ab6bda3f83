import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { permissions, roles } from '../../rbac/permissions.js';
import { userSummarySchema } from '../schemas.js';

const meResponse = z.object({
  user: userSummarySchema,
  roles: z.array(z.enum(roles)),
  permissions: z.array(z.enum(permissions)),
  via: z.enum(['session', 'token']),
  mfaEnrolmentRequired: z.boolean(),
});

/** GET /api/auth/me: who the caller is, with roles and effective permissions. */
export function meRoute(app: FerryApp): void {
  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in caller', response: { 200: meResponse } },
      config: { access: 'authenticated', allowDuringMfaEnrolment: true },
    },
    async (request) => {
      const p = request.principal!;
      return {
        user: {
          id: p.userId,
          email: p.email,
          displayName: p.displayName,
          organisationId: p.orgId,
          isSuperAdmin: p.isSuperAdmin,
        },
        roles: p.roles,
        permissions: permissions.filter((x) => p.permissions.has(x)),
        via: p.via,
        mfaEnrolmentRequired: p.mfaEnrolmentRequired,
      };
    },
  );
}
