import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { assignablePermissions, orgAdminFloor, permissions } from '../../rbac/permissions.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { idSchema, orgRoleSchema } from '../schemas.js';
import { matrixSchema, readMatrix } from './get-role-matrix-route.js';

const params = z.object({ orgId: idSchema, role: orgRoleSchema });

/**
 * PUT /api/orgs/:orgId/roles/:role: sets one role's permissions in this organisation only. Platform permissions
 * cannot be granted, and org_admin keeps users.manage and roles.manage so an organisation cannot lock itself out.
 */
export function setRolePermissionsRoute(app: FerryApp): void {
  app.put(
    '/api/orgs/:orgId/roles/:role',
    {
      schema: {
        tags: ['roles'],
        summary: "Set a role's permissions",
        params,
        body: z.object({ permissions: z.array(z.enum(permissions)).max(permissions.length) }),
        response: { 200: matrixSchema },
      },
      config: { access: 'roles.manage' },
    },
    async (request) => {
      const { role } = request.params;
      const wanted = [...new Set(request.body.permissions)];
      const foreign = wanted.filter((p) => !assignablePermissions.includes(p));
      if (foreign.length)
        throw new FerryError('FERRY_ERR_FORBIDDEN', `An organisation role cannot be granted ${foreign.join(', ')}`);
      if (role === 'org_admin') {
        const missing = orgAdminFloor.filter((p) => !wanted.includes(p));
        if (missing.length) throw new FerryError('FERRY_ERR_CONFLICT', `org_admin must keep ${missing.join(', ')}`);
      }
      return request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const before = (await readMatrix(tx, org.id)).roles[role];
        await tx.db
          .deleteFrom('role_permissions')
          .where('organisation_id', '=', org.id)
          .where('role', '=', role)
          .execute();
        if (wanted.length) {
          await tx.db
            .insertInto('role_permissions')
            .values(wanted.map((permission) => ({ organisation_id: org.id, role, permission })))
            .execute();
        }
        const matrix = await readMatrix(tx, org.id);
        await request.audit(tx, {
          organisationId: org.id,
          action: 'role.permissions_set',
          targetType: 'role',
          targetId: role,
          before,
          after: matrix.roles[role],
          details: {
            added: wanted.filter((p) => !before.includes(p)),
            removed: before.filter((p) => !wanted.includes(p)),
          },
        });
        return matrix;
      });
    },
  );
}
