import type { TenantTx } from '../db/tenant-transaction.js';

/**
 * Ends every open session and revokes every live API token of a user, in the caller's transaction (a password reset
 * or a password set with a code): returns how many of each ended, for the audit event.
 */
export async function endUserAccess(
  tx: TenantTx,
  userId: string,
  now: Date,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const sessions = await tx.db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  const tokens = await tx.db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return { sessionsEnded: sessions.length, tokensRevoked: tokens.length };
}
