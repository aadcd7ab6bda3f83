import { FerryError } from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import type { TenantTx } from '../../db/tenant-transaction.js';
import { auditSeparationOfDutiesRefusals } from '../../rbac/refuse-separation-of-duties.js';
import { findOrganisation, findOrgUser } from '../../tenancy/find-organisation.js';

/**
 * The frame of an org admin's action on one user: the organisation and user must be visible, and an admin may not
 * act on their own account this way (no self-unlock, no self-granted roles): refused and audited.
 */
export async function onOrgUser<T>(
  request: FastifyRequest,
  ids: { orgId: string; userId: string },
  fn: (tx: TenantTx, user: Awaited<ReturnType<typeof findOrgUser>>) => Promise<T>,
): Promise<T> {
  // The refused action is named after the route's last segment: user.lock_refused, user.reset_refused, ...
  const verb = request.routeOptions.url?.split('/').pop() ?? 'admin';
  const attempt = { organisationId: ids.orgId, action: `user.${verb}`, targetType: 'user', targetId: ids.userId };
  return auditSeparationOfDutiesRefusals(request, attempt, () =>
    request.tenant(async (tx) => {
      await findOrganisation(tx, ids.orgId);
      const user = await findOrgUser(tx, ids.orgId, ids.userId);
      if (user.id === request.principal!.userId) {
        throw new FerryError(
          'FERRY_ERR_SEPARATION_OF_DUTIES',
          'Administrators cannot lock, unlock, reset or change the roles of their own account',
        );
      }
      return fn(tx, user);
    }),
  );
}
