import { FerryError, type SqlDatabase } from '@ferry/core';
import { appendAuditEvent } from '../audit/audit-writer.js';
import { tenantTransaction } from '../db/tenant-transaction.js';
import type { PasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.js';

/**
 * Creates the first super admin from FERRY_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD when no user has that email yet.
 * A system action with explicit platform access, recorded on the platform audit chain. The password must pass the
 * password policy. Later starts leave the account alone (its password may have been changed since).
 *
 * @example
 * await bootstrapSuperAdmin(db, hasher, { email: 'admin@trust.nhs.uk', password }, new Date()); // 'created'
 */
export async function bootstrapSuperAdmin(
  db: SqlDatabase,
  hasher: PasswordHasher,
  admin: { email: string; password?: string },
  now: Date,
): Promise<'created' | 'exists' | 'skipped'> {
  if (!admin.password) return 'skipped';
  const problems = passwordProblems(admin.password, admin.email);
  if (problems.length) {
    throw new FerryError('FERRY_ERR_CONFIG', `FERRY_BOOTSTRAP_ADMIN_PASSWORD is too weak (it ${problems.join(', ')})`);
  }
  const passwordHash = await hasher.hash(admin.password);
  return tenantTransaction(db, { orgId: null, userId: null, platformAccess: true }, async (tx) => {
    const existing = await tx.db.selectFrom('users').select('id').where('email', '=', admin.email).executeTakeFirst();
    if (existing) return 'exists';
    const user = await tx.db
      .insertInto('users')
      .values({
        organisation_id: null,
        email: admin.email,
        display_name: 'Super admin',
        password_hash: passwordHash,
        is_super_admin: true,
      })
      .returning(['id', 'email', 'is_super_admin'])
      .executeTakeFirstOrThrow();
    await appendAuditEvent(
      tx,
      {
        organisationId: null,
        actorId: null,
        actor: 'system',
        action: 'user.bootstrap',
        targetType: 'user',
        targetId: user.id,
        after: user,
      },
      now,
    );
    return 'created';
  });
}
