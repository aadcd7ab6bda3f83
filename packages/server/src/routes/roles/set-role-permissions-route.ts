import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { assignablePermissions, orgAdminFloor, permissions } from '../../rbac/permissions.js';
import { refuseSeparationOfDuties } from '../../rbac/refuse-separation-of-duties.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { idSchema, orgRoleSchema } from '../schemas.js';
import { matrixSchema, readMatrix } from './get-role-matrix-route.js';

const params = z.object({ orgId: idSchema, role: orgRoleSchema });

/**
 * PUT /api/orgs/:orgId/roles/:role: sets one role's permissions in this organisation only. Platform permissions
 * cannot be granted, and org_admin keeps users.manage and roles.manage so an organisation cannot lock itself out.
 * Separation of duties: nobody grants a permission to a role they hold (refused and audited); a permission someone
 * grants is recorded as theirs (`granted_by`) and never counts for them, should they get the role later.
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
      const me = request.principal!;
      const current = await request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        return { orgId: org.id, before: (await readMatrix(tx, org.id)).roles[role] };
      });
      const { orgId } = current;
      const asked = wanted.filter((p) => !current.before.includes(p));
      if (asked.length && me.roles.includes(role)) {
        await refuseSeparationOfDuties(
          request,
          {
            organisationId: orgId,
            action: 'role.permissions_set',
            targetType: 'role',
            targetId: role,
            details: { added: asked },
          },
          `You hold the ${role} role, so you cannot grant it ${asked.join(', ')}: another administrator must`,
        );
      }
      return request.tenant(async (tx) => {
        const before = (await readMatrix(tx, orgId)).roles[role];
        const added = wanted.filter((p) => !before.includes(p));
        const removed = before.filter((p) => !wanted.includes(p));
        if (added.length && me.roles.includes(role))
          throw new FerryError('FERRY_ERR_CONFLICT', 'The role changed meanwhile; reload and try again');
        if (removed.length) {
          await tx.db
            .deleteFrom('role_permissions')
            .where('organisation_id', '=', orgId)
            .where('role', '=', role)
            .where('permission', 'in', removed)
            .execute();
        }
        if (added.length) {
          await tx.db
            .insertInto('role_permissions')
            .values(added.map((permission) => ({ organisation_id: orgId, role, permission, granted_by: me.userId })))
            .execute();
        }
        const matrix = await readMatrix(tx, orgId);
        await request.audit(tx, {
          organisationId: orgId,
          action: 'role.permissions_set',
          targetType: 'role',
          targetId: role,
          before,
          after: matrix.roles[role],
          details: { added, removed },
        });
        return matrix;
      });
    },
  );
}
