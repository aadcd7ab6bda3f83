import type { FerryApp } from '../../app-types.js';
import { okSchema, orgUserParams } from '../schemas.js';
import { onOrgUser } from './user-admin-action.js';

/** POST /api/orgs/:orgId/users/:userId/unlock: lifts an admin lock and a temporary lockout after failed sign-ins. */
export function unlockUserRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/users/:userId/unlock',
    {
      schema: { tags: ['users'], summary: 'Unlock a user', params: orgUserParams, response: { 200: okSchema } },
      config: { access: 'users.manage' },
    },
    async (request) => {
      await onOrgUser(request, request.params, async (tx, user) => {
        await tx.db
          .updateTable('users')
          .set({ status: 'active', failed_logins: 0, locked_until: null })
          .where('id', '=', user.id)
          .execute();
        await request.audit(tx, {
          organisationId: request.params.orgId,
          action: 'user.unlock',
          targetType: 'user',
          targetId: user.id,
          before: { status: user.status, lockedUntil: user.locked_until },
          after: { status: 'active', lockedUntil: null },
        });
      });
      return { ok: true as const };
    },
  );
}
