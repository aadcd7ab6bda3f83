import type { TenantScope } from '../db/tenant-transaction.js';
import type { Permission, Role } from '../rbac/permissions.js';

/** The signed-in caller of a request. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  /** null for a super admin (who belongs to no organisation). */
  orgId: string | null;
  isSuperAdmin: boolean;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  /** For sessions: the hash of the CSRF token state-changing requests must send. */
  csrfHash?: string;
  /** The organisation requires TOTP and this user has not enrolled: only enrolment is allowed. */
  mfaEnrolmentRequired: boolean;
}

/** The RLS scope of a principal: its organisation, or, for a super admin only, explicit platform access. */
export function scopeOf(principal: Principal | null): TenantScope {
  if (!principal) return { orgId: null, userId: null, platformAccess: false };
  return { orgId: principal.orgId, userId: principal.userId, platformAccess: principal.isSuperAdmin };
}

/** How the audit trail names an actor. */
export function actorOf(principal: Principal | null): { actorId: string | null; actor: string } {
  return principal ? { actorId: principal.userId, actor: principal.email } : { actorId: null, actor: 'anonymous' };
}
