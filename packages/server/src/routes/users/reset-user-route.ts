import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { endUserAccess } from '../../identity/end-user-access.js';
import { issuePasswordCode, passwordCodeSchema, unusablePasswordHash } from '../../identity/password-codes.js';
import { orgUserParams } from '../schemas.js';
import { onOrgUser } from './user-admin-action.js';

// Strict: an administrator never types a user's password; a `newPassword` sent anyway is refused, not ignored.
const body = z
  .strictObject({ resetPassword: z.boolean().default(false), resetTotp: z.boolean().default(false) })
  .default({ resetPassword: false, resetTotp: false });

/**
 * POST /api/orgs/:orgId/users/:userId/reset: ends every session and revokes every API token of the user; optionally
 * clears TOTP (a lost device) and resets the password: the old one stops working at once and the answer carries a
 * single-use code (shown this once, valid for 24 hours) with which the user sets a new password of their own at
 * /api/auth/password/set. The administrator never learns or chooses the password.
 */
export function resetUserRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/users/:userId/reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Reset a user (revoke all sessions and tokens; optionally password and TOTP)',
        params: orgUserParams,
        body,
        response: {
          200: z.object({
            sessionsEnded: z.number().int(),
            tokensRevoked: z.number().int(),
            setPasswordCode: passwordCodeSchema.optional(),
          }),
        },
      },
      config: { access: 'users.manage' },
    },
    async (request) => {
      const { resetPassword, resetTotp } = request.body;
      const hash = resetPassword ? await unusablePasswordHash(app.platform.hasher) : undefined;
      const now = app.platform.now();
      return onOrgUser(request, request.params, async (tx, user) => {
        const ended = await endUserAccess(tx, user.id, now);
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
        const setPasswordCode = hash
          ? await issuePasswordCode(tx, {
              organisationId: request.params.orgId,
              userId: user.id,
              purpose: 'reset',
              createdBy: request.principal!.userId,
              now,
            })
          : undefined;
        await request.audit(tx, {
          organisationId: request.params.orgId,
          action: 'user.reset',
          targetType: 'user',
          targetId: user.id,
          details: { ...ended, passwordReset: resetPassword, totpReset: resetTotp },
        });
        return { ...ended, ...(setPasswordCode ? { setPasswordCode } : {}) };
      });
    },
  );
}
