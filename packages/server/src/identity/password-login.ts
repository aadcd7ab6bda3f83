import { FerryError } from '@ferry/core';
import type { Platform } from '../app-types.js';
import { type AuditEventInput, appendAuditEvent } from '../audit/audit-writer.js';
import { type TenantScope, tenantTransaction } from '../db/tenant-transaction.js';
import { newSecret } from './secret-tokens.js';
import { checkTotp } from './totp.js';

/** A login attempt and where it came from. */
export interface LoginAttempt {
  email: string;
  password: string;
  totpCode?: string;
  sourceIp: string;
  requestId: string;
}

/** A new session: the secrets go to the client once (cookies and body); the database keeps their hashes. */
export interface LoginResult {
  user: { id: string; email: string; display_name: string; organisation_id: string | null; is_super_admin: boolean };
  sessionSecret: string;
  csrfToken: string;
  mfaEnrolmentRequired: boolean;
}

const wrongCredentials = 'Wrong email or password';

/**
 * Password (and TOTP) login, throttled without lockout or enumeration (`LoginThrottle`): attempts on an email that
 * failed too often, from this address or from anywhere, wait a growing delay, whether or not the account exists.
 * An unknown email, a wrong password and an admin-locked account with a wrong password all answer the same 401, at
 * the same hashing cost; only the right password learns that an account is locked. Every attempt is audited (an
 * unknown email on the platform chain). The password is verified outside any transaction so a slow hash holds no
 * database connection.
 */
export async function passwordLogin(platform: Platform, attempt: LoginAttempt): Promise<LoginResult> {
  const { config, db, hasher, loginThrottle } = platform;
  const now = platform.now();
  const audit = (scope: TenantScope, event: Omit<AuditEventInput, 'requestId' | 'sourceIp'>) =>
    tenantTransaction(db, scope, (tx) =>
      appendAuditEvent(tx, { ...event, requestId: attempt.requestId, sourceIp: attempt.sourceIp }, now),
    );
  const keys = loginThrottle.keys(attempt.email, attempt.sourceIp);
  await loginThrottle.assertAllowed(keys, now);

  const found = await tenantTransaction(db, { orgId: null, userId: null, platformAccess: false }, async (tx) => {
    const [owner] = await tx.run.query<{ user_id: string; organisation_id: string | null }>(
      'SELECT user_id, organisation_id FROM ferry_auth_find_user($1)',
      [attempt.email],
    );
    if (!owner) return undefined;
    const scope: TenantScope = {
      orgId: owner.organisation_id,
      userId: owner.user_id,
      platformAccess: owner.organisation_id === null,
    };
    await tx.run.query(
      `SELECT set_config('ferry.org_id', $1, true), set_config('ferry.user_id', $2, true), set_config('ferry.platform_access', $3, true)`,
      [scope.orgId ?? '', scope.userId, scope.platformAccess ? 'on' : 'off'],
    );
    const user = await tx.db.selectFrom('users').selectAll().where('id', '=', owner.user_id).executeTakeFirstOrThrow();
    const org = user.organisation_id
      ? await tx.db
          .selectFrom('organisations')
          .select('require_totp')
          .where('id', '=', user.organisation_id)
          .executeTakeFirst()
      : undefined;
    return { user, scope, requireTotp: Boolean(org?.require_totp) };
  });

  if (!found) {
    await hasher.verifyNothing(attempt.password);
    await loginThrottle.recordFailure(keys, now);
    await audit(
      { orgId: null, userId: null, platformAccess: false },
      {
        organisationId: null,
        actorId: null,
        actor: 'anonymous',
        action: 'auth.login_failed',
        targetType: 'user',
        details: { reason: 'unknown_account' },
      },
    );
    throw new FerryError('FERRY_ERR_UNAUTHENTICATED', wrongCredentials);
  }
  const { user, scope } = found;
  const actor = {
    organisationId: user.organisation_id,
    actorId: user.id,
    actor: user.email,
    targetType: 'user',
    targetId: user.id,
  };

  let failure: string | undefined = (await hasher.verify(user.password_hash, attempt.password))
    ? undefined
    : 'wrong_password';
  if (!failure && user.status === 'locked') {
    await loginThrottle.recordSuccess(keys);
    await audit(scope, { ...actor, action: 'auth.login_refused', details: { reason: 'account_locked' } });
    throw new FerryError('FERRY_ERR_ACCOUNT_LOCKED', 'The account is locked; ask an organisation admin to unlock it');
  }
  let totpStep: number | undefined;
  if (!failure && user.totp_enabled && user.totp_secret) {
    if (!attempt.totpCode)
      throw new FerryError('FERRY_ERR_MFA_REQUIRED', 'Enter the 6-digit code from your authenticator app (totpCode)');
    const last = user.totp_last_step === null ? null : Number(user.totp_last_step);
    totpStep = checkTotp(platform.secrets.open(user.totp_secret), attempt.totpCode, last, now);
    if (totpStep === undefined) failure = 'wrong_totp_code';
  }

  if (failure) {
    await loginThrottle.recordFailure(keys, now);
    await tenantTransaction(db, scope, async (tx) => {
      await tx.db
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', user.id)
        .execute();
      await appendAuditEvent(
        tx,
        {
          ...actor,
          action: 'auth.login_failed',
          requestId: attempt.requestId,
          sourceIp: attempt.sourceIp,
          details: { reason: failure },
        },
        now,
      );
    });
    throw new FerryError(
      'FERRY_ERR_UNAUTHENTICATED',
      failure === 'wrong_totp_code' ? 'Wrong or reused TOTP code' : wrongCredentials,
    );
  }
  await loginThrottle.recordSuccess(keys);

  const session = newSecret('fs');
  const csrf = newSecret('fcsrf');
  const mfaEnrolmentRequired = found.requireTotp && !user.totp_enabled;
  await tenantTransaction(db, scope, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, ...(totpStep !== undefined ? { totp_last_step: totpStep } : {}) })
      .where('id', '=', user.id)
      .execute();
    const created = await tx.db
      .insertInto('sessions')
      .values({
        organisation_id: user.organisation_id,
        user_id: user.id,
        token_hash: session.hash,
        csrf_hash: csrf.hash,
        mfa_enrolment_required: mfaEnrolmentRequired,
        source_ip: attempt.sourceIp,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + config.session.maxHours * 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(
      tx,
      {
        ...actor,
        action: 'auth.login',
        requestId: attempt.requestId,
        sourceIp: attempt.sourceIp,
        details: { sessionId: created.id, totp: totpStep !== undefined },
      },
      now,
    );
  });
  return { user, sessionSecret: session.secret, csrfToken: csrf.secret, mfaEnrolmentRequired };
}
