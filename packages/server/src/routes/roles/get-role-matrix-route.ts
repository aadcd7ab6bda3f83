import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import type { TenantTx } from '../../db/tenant-transaction.js';
import { assignablePermissions, orgRoles, type Permission, permissions } from '../../rbac/permissions.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

export const matrixSchema = z.object({
  permissions: z.array(z.enum(permissions)),
  roles: z.record(z.enum(orgRoles), z.array(z.enum(permissions))),
});

/** The organisation's role-permission matrix, every role listed, permissions in catalogue order. */
export async function readMatrix(tx: TenantTx, orgId: string) {
  const rows = await tx.db
    .selectFrom('role_permissions')
    .select(['role', 'permission'])
    .where('organisation_id', '=', orgId)
    .execute();
  const roles = Object.fromEntries(
    orgRoles.map((role) => [role, permissions.filter((p) => rows.some((r) => r.role === role && r.permission === p))]),
  ) as Record<(typeof orgRoles)[number], Permission[]>;
  return { permissions: [...assignablePermissions], roles };
}

/** GET /api/orgs/:orgId/roles: the role-permission matrix of the organisation. */
export function getRoleMatrixRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/roles',
    {
      schema: {
        tags: ['roles'],
        summary: 'Role-permission matrix',
        params: orgParams,
        response: { 200: matrixSchema },
      },
      config: { access: 'users.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        return readMatrix(tx, org.id);
      }),
  );
}
