import { z } from 'zod';
import type { TenantTx } from '../db/tenant-transaction.js';
import { newSecret } from './secret-tokens.js';

/** How long a password code stays usable. */
export const passwordCodeHours = 24;

/** Why a code was issued: a new account's first password, or an admin's reset. */
export type PasswordCodePurpose = 'initial' | 'reset';

/** A code as its issuer sees it, once: the code itself is never stored, only its sha256. */
export const passwordCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.string(),
  purpose: z.enum(['initial', 'reset']),
});
export type PasswordCode = z.infer<typeof passwordCodeSchema>;

/**
 * Issues a single-use code with which the user sets their own password, valid for `passwordCodeHours`. Earlier unused
 * codes of the user stop working (only the newest counts). Runs in the caller's transaction, in the user's
 * organisation.
 *
 * @example
 * const code = await issuePasswordCode(tx, { organisationId, userId, purpose: 'reset', createdBy: adminId, now });
 * // => { code: 'fpc_...', expiresAt: '2026-03-03T09:00:00.000Z', purpose: 'reset' }
 */
export async function issuePasswordCode(
  tx: TenantTx,
  input: { organisationId: string; userId: string; purpose: PasswordCodePurpose; createdBy: string; now: Date },
): Promise<PasswordCode> {
  const { secret, hash } = newSecret('fpc');
  const expiresAt = new Date(input.now.getTime() + passwordCodeHours * 3_600_000);
  await tx.db
    .updateTable('password_codes')
    .set({ used_at: input.now })
    .where('user_id', '=', input.userId)
    .where('used_at', 'is', null)
    .execute();
  await tx.db
    .insertInto('password_codes')
    .values({
      organisation_id: input.organisationId,
      user_id: input.userId,
      code_hash: hash,
      purpose: input.purpose,
      created_by: input.createdBy,
      created_at: input.now,
      expires_at: expiresAt,
    })
    .execute();
  return { code: secret, expiresAt: expiresAt.toISOString(), purpose: input.purpose };
}

/** A password hash nobody can sign in with: the hash of a random secret that is thrown away at once. */
export async function unusablePasswordHash(hasher: { hash(password: string): Promise<string> }): Promise<string> {
  return hasher.hash(newSecret('fpc').secret);
}
