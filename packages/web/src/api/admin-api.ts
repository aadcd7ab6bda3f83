import { api, type Query } from './api-client';

/** The organisation roles, in the order the server lists them. */
export const orgRoles = [
  'org_admin',
  'migration_lead',
  'mapping_analyst',
  'etl_engineer',
  'dq_lead',
  'clinical_reviewer',
  'cutover_manager',
  'viewer',
] as const;
export type OrgRole = (typeof orgRoles)[number];

export interface OrgUser {
  id: string;
  email: string;
  displayName: string;
  status: 'active' | 'locked';
  lockedUntil: string | null;
  totpEnabled: boolean;
  roles: OrgRole[];
  createdAt: string;
}

/**
 * A single-use code with which a user sets their own password (a new account, or after a reset); the server shows
 * it once and keeps only its hash.
 */
export interface PasswordCode {
  code: string;
  expiresAt: string;
  purpose: 'initial' | 'reset';
}

export interface Registration {
  id: string;
  email: string;
  displayName: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface RoleMatrix {
  permissions: string[];
  roles: Record<OrgRole, string[]>;
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  organisationId: string | null;
  actorId: string | null;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  sourceIp: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  requestId?: string;
  from?: string;
  to?: string;
}

export interface AuditVerification {
  ok: boolean;
  chains: { chain: string; events: number; headSeq: number; headHash: string }[];
  findings: { chain: string; seq: number; problem: string; message: string }[];
}

const org = (orgId: string) => `/api/orgs/${orgId}`;

/** Users, registrations, the role-permission matrix and the audit trail of one organisation. */
export const adminApi = {
  users: (orgId: string) => api.get<OrgUser[]>(`${org(orgId)}/users`),
  createUser: (orgId: string, input: { email: string; displayName: string; roles: OrgRole[] }) =>
    api.post<OrgUser & { setPasswordCode: PasswordCode }>(`${org(orgId)}/users`, input),
  lockUser: (orgId: string, userId: string) => api.post<{ ok: true }>(`${org(orgId)}/users/${userId}/lock`),
  unlockUser: (orgId: string, userId: string) => api.post<{ ok: true }>(`${org(orgId)}/users/${userId}/unlock`),
  resetUser: (orgId: string, userId: string, input: { resetTotp?: boolean; resetPassword?: boolean } = {}) =>
    api.post<{ sessionsEnded: number; tokensRevoked: number; setPasswordCode?: PasswordCode }>(
      `${org(orgId)}/users/${userId}/reset`,
      input,
    ),
  setUserRoles: (orgId: string, userId: string, roles: OrgRole[]) =>
    api.put<{ roles: OrgRole[] }>(`${org(orgId)}/users/${userId}/roles`, { roles }),
  registrations: (orgId: string, status: Registration['status']) =>
    api.get<Registration[]>(`${org(orgId)}/registrations`, { status }),
  approveRegistration: (orgId: string, id: string, roles: OrgRole[]) =>
    api.post<OrgUser>(`${org(orgId)}/registrations/${id}/approve`, { roles }),
  rejectRegistration: (orgId: string, id: string, note?: string) =>
    api.post<{ ok: true }>(`${org(orgId)}/registrations/${id}/reject`, note ? { note } : {}),
  roleMatrix: (orgId: string) => api.get<RoleMatrix>(`${org(orgId)}/roles`),
  setRolePermissions: (orgId: string, role: OrgRole, permissions: string[]) =>
    api.put<RoleMatrix>(`${org(orgId)}/roles/${role}`, { permissions }),
  audit: (orgId: string, filter: AuditFilter, page: number, pageSize: number) =>
    api.get<Page<AuditEvent>>(`${org(orgId)}/audit`, { ...(filter as Query), page, pageSize }),
  auditExportUrl: (orgId: string, filter: AuditFilter, format: 'csv' | 'json') => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
    params.set('format', format);
    return `${org(orgId)}/audit/export?${params}`;
  },
  /** The actions the organisation's trail holds, with their counts. */
  auditActions: (orgId: string) =>
    api.get<{ actions: { action: string; events: number }[] }>(`${org(orgId)}/audit/actions`),
  verifyAudit: (orgId: string) => api.get<AuditVerification>(`${org(orgId)}/audit/verify`),
};
