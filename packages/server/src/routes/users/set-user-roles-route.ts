import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { orgRoles } from '../../rbac/permissions.js';
import { orgRoleSchema, orgUserParams } from '../schemas.js';
import { onOrgUser } from './user-admin-action.js';

/** PUT /api/orgs/:orgId/users/:userId/roles: replaces a user's roles (never one's own). */
export function setUserRolesRoute(app: FerryApp): void {
  app.put(
    '/api/orgs/:orgId/users/:userId/roles',
    {
      schema: {
        tags: ['users'],
        summary: "Set a user's roles",
        params: orgUserParams,
        body: z.object({ roles: z.array(orgRoleSchema).max(8) }),
        response: { 200: z.object({ roles: z.array(orgRoleSchema) }) },
      },
      config: { access: 'users.manage' },
    },
    async (request) =>
      onOrgUser(request, request.params, async (tx, user) => {
        const before = (await tx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute())
          .map((r) => r.role)
          .sort();
        const after = orgRoles.filter((r) => request.body.roles.includes(r));
        await tx.db.deleteFrom('user_roles').where('user_id', '=', user.id).execute();
        if (after.length) {
          await tx.db
            .insertInto('user_roles')
            .values(
              after.map((role) => ({
                organisation_id: request.params.orgId,
                user_id: user.id,
                role,
                granted_by: request.principal!.userId,
              })),
            )
            .execute();
        }
        await request.audit(tx, {
          organisationId: request.params.orgId,
          action: 'user.roles_set',
          targetType: 'user',
          targetId: user.id,
          before,
          after,
          details: { roles: after },
        });
        return { roles: after };
      }),
  );
}
