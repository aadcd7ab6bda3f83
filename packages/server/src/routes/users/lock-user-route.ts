import type { FerryApp } from '../../app-types.js';
import { okSchema, orgUserParams } from '../schemas.js';
import { onOrgUser } from './user-admin-action.js';

/** POST /api/orgs/:orgId/users/:userId/lock: locks the account; its sessions and tokens stop working at once. */
export function lockUserRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/users/:userId/lock',
    {
      schema: { tags: ['users'], summary: 'Lock a user', params: orgUserParams, response: { 200: okSchema } },
      config: { access: 'users.manage' },
    },
    async (request) => {
      await onOrgUser(request, request.params, async (tx, user) => {
        await tx.db.updateTable('users').set({ status: 'locked' }).where('id', '=', user.id).execute();
        await request.audit(tx, {
          organisationId: request.params.orgId,
          action: 'user.lock',
          targetType: 'user',
          targetId: user.id,
          before: { status: user.status },
          after: { status: 'locked' },
        });
      });
      return { ok: true as const };
    },
  );
}
