import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { passwordProblems } from '../../identity/password-policy.js';
import { orgUserParams, passwordSchema } from '../schemas.js';
import { onOrgUser } from './user-admin-action.js';

const body = z
  .object({ newPassword: passwordSchema.optional(), resetTotp: z.boolean().default(false) })
  .default({ resetTotp: false });

/**
 * POST /api/orgs/:orgId/users/:userId/reset: ends every session and revokes every API token of the user; optionally
 * sets a new password and clears TOTP (a lost device).
 */
export function resetUserRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/users/:userId/reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Reset a user (revoke all sessions and tokens)',
        params: orgUserParams,
        body,
        response: { 200: z.object({ sessionsEnded: z.number().int(), tokensRevoked: z.number().int() }) },
      },
      config: { access: 'users.manage' },
    },
    async (request) => {
      const { newPassword, resetTotp } = request.body;
      let hash: string | undefined;
      if (newPassword !== undefined) {
        const problems = passwordProblems(newPassword);
        if (problems.length)
          throw new FerryError('FERRY_ERR_INPUT', `The new password ${problems.join(', ')}`, { field: 'newPassword' });
        hash = await app.platform.hasher.hash(newPassword);
      }
      const now = app.platform.now();
      return onOrgUser(request, request.params, async (tx, user) => {
        const sessions = await tx.db
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('user_id', '=', user.id)
          .where('revoked_at', 'is', null)
          .returning('id')
          .execute();
        const tokens = await tx.db
          .updateTable('api_tokens')
          .set({ revoked_at: now })
          .where('user_id', '=', user.id)
          .where('revoked_at', 'is', null)
          .returning('id')
          .execute();
        if (hash || resetTotp) {
          await tx.db
            .updateTable('users')
            .set({
              ...(hash ? { password_hash: hash, password_changed_at: now, failed_logins: 0, locked_until: null } : {}),
              ...(resetTotp ? { totp_enabled: false, totp_secret: null, totp_last_step: null } : {}),
            })
            .where('id', '=', user.id)
            .execute();
        }
        const result = { sessionsEnded: sessions.length, tokensRevoked: tokens.length };
        await request.audit(tx, {
          organisationId: request.params.orgId,
          action: 'user.reset',
          targetType: 'user',
          targetId: user.id,
          details: { ...result, passwordSet: hash !== undefined, totpReset: resetTotp },
        });
        return result;
      });
    },
  );
}
