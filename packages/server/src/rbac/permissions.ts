/**
 * The permission catalogue. A route names the one permission it needs; a role grants a set of them per
 * organisation (the matrix an org admin edits). `platform.manage` belongs to super admins only.
 */
export const permissions = [
  'platform.manage',
  'org.manage',
  'users.read',
  'users.manage',
  'roles.manage',
  'audit.read',
  'project.read',
  'project.manage',
  'catalog.read',
  'contract.read',
  'contract.edit',
  'contract.approve',
  'crosswalk.read',
  'crosswalk.edit',
  'crosswalk.approve',
  'lifecycle.run',
  'run.read',
  'quality.triage',
  'gate.decide',
  'evidence.download',
  'documents.read',
  'documents.write',
  'connector.read',
  'connector.manage',
  'connector.preview',
  'target.read',
  'target.manage',
  'run.rollback',
  /** See personal identifiers (NHS numbers, names, dates of birth...) unmasked in previews and exports. */
  'data.identifiable',
] as const;
export type Permission = (typeof permissions)[number];

/** What a route requires: nothing, a signed-in caller, or one permission. */
export type Access = 'public' | 'authenticated' | Permission;

/** Roles inside an organisation. */
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

/** Every role, the platform's own first. */
export const roles = ['super_admin', ...orgRoles] as const;
export type Role = (typeof roles)[number];

/** Permissions an organisation's matrix may grant (everything but the platform's own). */
export const assignablePermissions: readonly Permission[] = permissions.filter((p) => p !== 'platform.manage');

/** Permissions the org admin role always keeps, so an organisation cannot lock itself out of its own administration. */
export const orgAdminFloor: readonly Permission[] = ['users.manage', 'roles.manage'];

const read: Permission[] = [
  'project.read',
  'catalog.read',
  'contract.read',
  'crosswalk.read',
  'run.read',
  'documents.read',
  'connector.read',
];

/**
 * The matrix a new organisation starts with. The person who approves a mapping (mapping analyst, clinical reviewer)
 * is not the one who signs the gate (cutover manager).
 */
export const defaultRolePermissions: Record<OrgRole, readonly Permission[]> = {
  org_admin: [
    'org.manage',
    'users.read',
    'users.manage',
    'roles.manage',
    'audit.read',
    'project.manage',
    'documents.write',
    'connector.manage',
    'target.read',
    'target.manage',
    'data.identifiable',
    ...read,
  ],
  migration_lead: [
    'project.manage',
    'contract.edit',
    'lifecycle.run',
    'evidence.download',
    'audit.read',
    'users.read',
    'documents.write',
    'connector.manage',
    'connector.preview',
    'quality.triage',
    'target.read',
    'run.rollback',
    'data.identifiable',
    ...read,
  ],
  mapping_analyst: [
    'contract.edit',
    'contract.approve',
    'crosswalk.edit',
    'crosswalk.approve',
    'documents.write',
    ...read,
  ],
  etl_engineer: [
    'contract.edit',
    'lifecycle.run',
    'evidence.download',
    'connector.manage',
    'connector.preview',
    'target.read',
    ...read,
  ],
  dq_lead: ['evidence.download', 'documents.write', 'connector.preview', 'quality.triage', ...read],
  clinical_reviewer: ['contract.approve', 'crosswalk.approve', 'quality.triage', ...read],
  cutover_manager: ['gate.decide', 'evidence.download', 'target.read', 'run.rollback', ...read],
  viewer: [...read],
};

export function isOrgRole(role: string): role is OrgRole {
  return (orgRoles as readonly string[]).includes(role);
}

export function isPermission(p: string): p is Permission {
  return (permissions as readonly string[]).includes(p);
}
