import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { appendAuditEvent } from '../../audit/audit-writer.js';
import { type TenantScope, tenantTransaction } from '../../db/tenant-transaction.js';
import { endUserAccess } from '../../identity/end-user-access.js';
import { passwordProblems } from '../../identity/password-policy.js';
import { hashSecret } from '../../identity/secret-tokens.js';
import { passwordSchema } from '../schemas.js';

const body = z.object({ code: z.string().trim().min(1).max(200), newPassword: passwordSchema });

const invalidCode = 'The code is not valid, was already used or has expired: ask an administrator for a new one';

/**
 * POST /api/auth/password/set: a user sets their own password with the single-use code an administrator gave them
 * (a new account's first password, or after a reset). No session needed. Unknown, used and expired codes get one
 * answer and count, like wrong passwords at sign-in, towards the sign-in throttle (per code and per address); the
 * new password is policy-checked. Setting it uses the code up, ends the user's sessions and API tokens and is
 * audited with who issued the code.
 */
export function setPasswordWithCodeRoute(app: FerryApp): void {
  app.post(
    '/api/auth/password/set',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set my password with a one-time code',
        body,
        response: { 200: z.object({ email: z.string() }) },
      },
      config: { access: 'public', rateLimit: { max: app.platform.config.login.attemptsPerMinute, timeWindow: 60_000 } },
    },
    async (request) => {
      const { platform } = app;
      const now = platform.now();
      const keys = platform.loginThrottle.keys(request.body.code, request.ip);
      await platform.loginThrottle.assertAllowed(keys, now);
      const codeHash = hashSecret(request.body.code);
      const found = await request.tenant(async (tx) => {
        const [owner] = await tx.run.query<{ code_id: string; user_id: string; organisation_id: string }>(
          'SELECT code_id, user_id, organisation_id FROM ferry_auth_find_password_code($1)',
          [codeHash],
        );
        if (!owner) return undefined;
        await tx.run.query(
          `SELECT set_config('ferry.org_id', $1, true), set_config('ferry.user_id', $2, true),
                  set_config('ferry.platform_access', 'off', true)`,
          [owner.organisation_id, owner.user_id],
        );
        const code = await tx.db
          .selectFrom('password_codes')
          .selectAll()
          .where('id', '=', owner.code_id)
          .executeTakeFirstOrThrow();
        if (code.used_at || new Date(code.expires_at).getTime() <= now.getTime()) return undefined;
        const user = await tx.db
          .selectFrom('users')
          .select(['id', 'email'])
          .where('id', '=', owner.user_id)
          .executeTakeFirstOrThrow();
        const scope: TenantScope = { orgId: owner.organisation_id, userId: owner.user_id, platformAccess: false };
        return { code, user, scope };
      });
      if (!found) {
        await platform.loginThrottle.recordFailure(keys, now);
        throw new FerryError('FERRY_ERR_UNAUTHENTICATED', invalidCode, { field: 'code' });
      }
      const { code, user, scope } = found;
      const problems = passwordProblems(request.body.newPassword, user.email);
      if (problems.length)
        throw new FerryError('FERRY_ERR_INPUT', `The new password ${problems.join(', ')}`, { field: 'newPassword' });
      const passwordHash = await platform.hasher.hash(request.body.newPassword);
      await tenantTransaction(platform.db, scope, async (tx) => {
        const used = await tx.db
          .updateTable('password_codes')
          .set({ used_at: now })
          .where('id', '=', code.id)
          .where('used_at', 'is', null)
          .returning('id')
          .execute();
        if (!used.length) throw new FerryError('FERRY_ERR_UNAUTHENTICATED', invalidCode, { field: 'code' });
        await tx.db
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null })
          .where('id', '=', user.id)
          .execute();
        const ended = await endUserAccess(tx, user.id, now);
        await appendAuditEvent(
          tx,
          {
            organisationId: code.organisation_id,
            actorId: user.id,
            actor: user.email,
            action: 'auth.password_set_with_code',
            targetType: 'user',
            targetId: user.id,
            requestId: String(request.id),
            sourceIp: request.ip,
            details: {
              purpose: code.purpose,
              issuedBy: code.created_by,
              sessionsEnded: ended.sessionsEnded,
              tokensRevoked: ended.tokensRevoked,
            },
          },
          now,
        );
      });
      await platform.loginThrottle.recordSuccess(keys);
      return { email: user.email };
    },
  );
}
