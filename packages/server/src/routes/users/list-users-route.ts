import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgUserSchema, orgUserView } from '../../tenancy/user-view.js';
import { orgParams } from '../schemas.js';

/** GET /api/orgs/:orgId/users: the organisation's users with roles, lock state and TOTP state. */
export function listUsersRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/users',
    {
      schema: { tags: ['users'], summary: 'List users', params: orgParams, response: { 200: z.array(orgUserSchema) } },
      config: { access: 'users.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const users = await tx.db
          .selectFrom('users')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .orderBy('email')
          .execute();
        const roles = await tx.db
          .selectFrom('user_roles')
          .select(['user_id', 'role'])
          .where('organisation_id', '=', org.id)
          .execute();
        return users.map((u) =>
          orgUserView(
            u,
            roles.filter((r) => r.user_id === u.id).map((r) => r.role),
          ),
        );
      }),
  );
}
