import { FerryError } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { Platform } from '../app-types.js';
import type { ApiTokensTable, SessionsTable } from '../db/platform-schema.js';
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

/** The user a credential belongs to, with roles, granted permissions and the organisation's TOTP rule, as JSON. */
interface OwnerUser {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string | null;
  is_super_admin: boolean;
  status: string;
  totp_enabled: boolean;
  roles: string[];
  grants: { role: string; permission: string }[];
  require_totp: boolean;
}

/**
 * Finds the credential's owner by the hash of its secret (the only cross-organisation lookup, through a SECURITY
 * DEFINER function) and, in the same statement, switches the open transaction to the owner's scope.
 */
async function findOwner(tx: TenantTx, finder: 'session' | 'api_token', hash: string): Promise<Owner | undefined> {
  const id = finder === 'session' ? 'session_id' : 'token_id';
  const [owner] = await tx.run.query<Owner>(
    `SELECT ${id} AS id, user_id, organisation_id,
            set_config('ferry.org_id', COALESCE(organisation_id::text, ''), true) AS org_scope,
            set_config('ferry.user_id', user_id::text, true) AS user_scope,
            set_config('ferry.platform_access', CASE WHEN organisation_id IS NULL THEN 'on' ELSE 'off' END, true)
              AS platform_scope
       FROM ferry_auth_find_${finder}($1)`,
    [hash],
  );
  return owner && { id: owner.id, user_id: owner.user_id, organisation_id: owner.organisation_id };
}

/**
 * Reads the credential's row and its owner (user, roles, permissions, the organisation's TOTP rule) in one statement,
 * in the owner's RLS scope: one round trip where there were five, since every request pays for it.
 */
async function loadCredential<R>(
  tx: TenantTx,
  table: 'sessions' | 'api_tokens',
  id: string,
): Promise<(R & { owner: OwnerUser | null }) | undefined> {
  const [row] = await tx.run.query<R & { owner: OwnerUser | string | null }>(
    `SELECT c.*, (
       SELECT json_build_object(
         'id', u.id, 'email', u.email, 'display_name', u.display_name, 'organisation_id', u.organisation_id,
         'is_super_admin', u.is_super_admin, 'status', u.status, 'totp_enabled', u.totp_enabled,
         'roles', COALESCE((SELECT json_agg(r.role) FROM user_roles r WHERE r.user_id = u.id), '[]'::json),
         'grants', COALESCE((
           SELECT json_agg(DISTINCT jsonb_build_object('role', p.role, 'permission', p.permission))
             FROM role_permissions p
             JOIN user_roles r ON r.user_id = u.id AND r.role = p.role
            WHERE p.organisation_id = u.organisation_id
              -- Separation of duties: a permission someone added to a role never counts for them.
              AND (p.granted_by IS NULL OR p.granted_by <> u.id)
         ), '[]'::json),
         'require_totp', COALESCE((SELECT o.require_totp FROM organisations o WHERE o.id = u.organisation_id), false)
       ) FROM users u WHERE u.id = c.user_id) AS owner
       FROM ${table} c WHERE c.id = $1`,
    [id],
  );
  if (!row) return undefined;
  const owner = typeof row.owner === 'string' ? (JSON.parse(row.owner) as OwnerUser) : row.owner;
  return { ...row, owner };
}

function loadUser(owner: OwnerUser | null) {
  if (!owner) return undefined;
  const user = owner;
  const roles: Role[] = user.is_super_admin ? ['super_admin'] : user.roles.filter(isOrgRole);
  const granted: Permission[] = user.is_super_admin
    ? [...permissions]
    : [...new Set(user.grants.filter((g) => roles.includes(g.role as Role)).map((g) => g.permission as Permission))];
  return { user, roles, granted, mfaEnrolmentRequired: Boolean(user.require_totp) && !user.totp_enabled };
}

/** How long a token's last-used time may lag: writing it on every request would serialise a client's requests. */
const lastUsedResolutionMs = 60_000;

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
      const owner = await findOwner(tx, 'session', hash);
      if (!owner) return { failure: 'The session is not valid; sign in again' };
      const session = await loadCredential<Selectable<SessionsTable>>(tx, 'sessions', owner.id);
      if (!session) throw new FerryError('FERRY_ERR_INTERNAL', 'The session vanished while it was being read');
      const idleLimit = new Date(session.last_seen_at).getTime() + platform.config.session.idleMinutes * 60_000;
      if (session.revoked_at) return { failure: 'The session was ended; sign in again' };
      if (new Date(session.expires_at).getTime() <= now.getTime() || idleLimit <= now.getTime()) {
        return { failure: 'The session expired; sign in again' };
      }
      const loaded = loadUser(session.owner);
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
    const owner = await findOwner(tx, 'api_token', hash);
    if (!owner) return { failure: 'The API token is not valid' };
    const token = await loadCredential<Selectable<ApiTokensTable>>(tx, 'api_tokens', owner.id);
    if (!token) throw new FerryError('FERRY_ERR_INTERNAL', 'The API token vanished while it was being read');
    if (token.revoked_at) return { failure: 'The API token was revoked' };
    if (token.expires_at && new Date(token.expires_at).getTime() <= now.getTime())
      return { failure: 'The API token expired' };
    const loaded = loadUser(token.owner);
    if (loaded?.user.status !== 'active') return { failure: 'The account is locked' };
    // A token cannot be used to get around an organisation's TOTP requirement.
    if (loaded.mfaEnrolmentRequired)
      return { failure: 'The organisation requires TOTP; enrol before using API tokens' };
    const lastUsed = token.last_used_at ? new Date(token.last_used_at).getTime() : Number.NEGATIVE_INFINITY;
    if (now.getTime() - lastUsed > lastUsedResolutionMs) {
      await tx.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
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
        via: 'token',
        tokenId: token.id,
        mfaEnrolmentRequired: false,
      },
    };
  });
}
