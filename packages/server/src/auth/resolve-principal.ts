import type { Platform } from '../app-types.js';
import { type TenantTx, tenantTransaction } from '../db/tenant-transaction.js';
import { hashSecret } from '../identity/secret-tokens.js';
import { isOrgRole, type Permission, permissions, type Role } from '../rbac/permissions.js';
import type { Principal } from './principal.js';

/** Credentials a request presented. */
export type Credentials = { kind: 'session'; secret: string } | { kind: 'token'; secret: string };

/** A principal, or why the credentials were refused. */
export type Resolution = { principal: Principal } | { failure: string };

interface Owner {
  id: string;
  user_id: string;
  organisation_id: string | null;
}

/** Switches the open transaction to the owner's scope once the credential has named it. */
async function enterScope(tx: TenantTx, owner: Owner): Promise<void> {
  await tx.run.query(
    `SELECT set_config('ferry.org_id', $1, true), set_config('ferry.user_id', $2, true),
            set_config('ferry.platform_access', $3, true)`,
    [owner.organisation_id ?? '', owner.user_id, owner.organisation_id === null ? 'on' : 'off'],
  );
}

async function loadUser(tx: TenantTx, owner: Owner) {
  const user = await tx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'organisation_id', 'is_super_admin', 'status', 'totp_enabled'])
    .where('id', '=', owner.user_id)
    .executeTakeFirst();
  if (!user) return undefined;
  const roleRows = await tx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  const roles: Role[] = user.is_super_admin ? ['super_admin'] : roleRows.map((r) => r.role).filter(isOrgRole);
  let granted: Permission[] = [...permissions];
  if (!user.is_super_admin) {
    const rows = roles.length
      ? await tx.db
          .selectFrom('role_permissions')
          .select('permission')
          .distinct()
          .where('organisation_id', '=', user.organisation_id!)
          .where('role', 'in', roles)
          // Separation of duties: a permission someone added to a role never counts for them.
          .where((eb) => eb.or([eb('granted_by', 'is', null), eb('granted_by', '!=', user.id)]))
          .execute()
      : [];
    granted = rows.map((r) => r.permission as Permission);
  }
  const [org] = user.organisation_id
    ? await tx.db.selectFrom('organisations').select('require_totp').where('id', '=', user.organisation_id).execute()
    : [];
  return { user, roles, granted, mfaEnrolmentRequired: Boolean(org?.require_totp) && !user.totp_enabled };
}

/**
 * Resolves a session cookie or an API token to the caller, in one transaction: the hash of the secret finds its
 * owner (the only cross-organisation lookup, through a SECURITY DEFINER function), then everything else is read in
 * the owner's RLS scope. Sessions expire when idle or old; both end when revoked or when the user is locked.
 */
export async function resolvePrincipal(platform: Platform, credentials: Credentials): Promise<Resolution> {
  const now = platform.now();
  const hash = hashSecret(credentials.secret);
  return tenantTransaction(platform.db, { orgId: null, userId: null, platformAccess: false }, async (tx) => {
    if (credentials.kind === 'session') {
      const [owner] = await tx.run.query<Owner>(
        'SELECT session_id AS id, user_id, organisation_id FROM ferry_auth_find_session($1)',
        [hash],
      );
      if (!owner) return { failure: 'The session is not valid; sign in again' };
      await enterScope(tx, owner);
      const session = await tx.db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', owner.id)
        .executeTakeFirstOrThrow();
      const idleLimit = new Date(session.last_seen_at).getTime() + platform.config.session.idleMinutes * 60_000;
      if (session.revoked_at) return { failure: 'The session was ended; sign in again' };
      if (new Date(session.expires_at).getTime() <= now.getTime() || idleLimit <= now.getTime()) {
        return { failure: 'The session expired; sign in again' };
      }
      const loaded = await loadUser(tx, owner);
      if (loaded?.user.status !== 'active') return { failure: 'The account is locked' };
      if (now.getTime() - new Date(session.last_seen_at).getTime() > 30_000) {
        await tx.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
      }
      return {
        principal: {
          userId: loaded.user.id,
          email: loaded.user.email,
          displayName: loaded.user.display_name,
          orgId: loaded.user.organisation_id,
          isSuperAdmin: loaded.user.is_super_admin,
          roles: loaded.roles,
          permissions: new Set(loaded.granted),
          via: 'session',
          sessionId: session.id,
          csrfHash: session.csrf_hash,
          // Decided now, not when the session opened: once the organisation requires TOTP, a member without it may
          // only enrol, also in a session opened before the requirement.
          mfaEnrolmentRequired: loaded.mfaEnrolmentRequired,
        },
      };
    }
    const [owner] = await tx.run.query<Owner>(
      'SELECT token_id AS id, user_id, organisation_id FROM ferry_auth_find_api_token($1)',
      [hash],
    );
    if (!owner) return { failure: 'The API token is not valid' };
    await enterScope(tx, owner);
    const token = await tx.db.selectFrom('api_tokens').selectAll().where('id', '=', owner.id).executeTakeFirstOrThrow();
    if (token.revoked_at) return { failure: 'The API token was revoked' };
    if (token.expires_at && new Date(token.expires_at).getTime() <= now.getTime())
      return { failure: 'The API token expired' };
    const loaded = await loadUser(tx, owner);
    if (loaded?.user.status !== 'active') return { failure: 'The account is locked' };
    // A token cannot be used to get around an organisation's TOTP requirement.
    if (loaded.mfaEnrolmentRequired)
      return { failure: 'The organisation requires TOTP; enrol before using API tokens' };
    await tx.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
    return {
      principal: {
        userId: loaded.user.id,
        email: loaded.user.email,
        displayName: loaded.user.display_name,
        orgId: loaded.user.organisation_id,
        isSuperAdmin: loaded.user.is_super_admin,
        roles: loaded.roles,
        permissions: new Set(loaded.granted),
        via: 'token',
        tokenId: token.id,
        mfaEnrolmentRequired: false,
      },
    };
  });
}
