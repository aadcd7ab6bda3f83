import { FerryError } from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import type { TenantTx } from '../../db/tenant-transaction.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';

/** Loads a pending registration request of the organisation (404 / 409 otherwise) and runs the decision on it. */
export async function onPendingRegistration<T>(
  request: FastifyRequest,
  ids: { orgId: string; registrationId: string },
  fn: (
    tx: TenantTx,
    registration: { id: string; organisation_id: string; email: string; display_name: string; password_hash: string },
  ) => Promise<T>,
): Promise<T> {
  return request.tenant(async (tx) => {
    const org = await findOrganisation(tx, ids.orgId);
    const registration = await tx.db
      .selectFrom('registration_requests')
      .selectAll()
      .where('id', '=', ids.registrationId)
      .where('organisation_id', '=', org.id)
      .executeTakeFirst();
    if (!registration) throw new FerryError('FERRY_ERR_NOT_FOUND', `No registration request ${ids.registrationId}`);
    if (registration.status !== 'pending')
      throw new FerryError('FERRY_ERR_CONFLICT', `The request was already ${registration.status}`);
    return fn(tx, registration);
  });
}
