import { FerryError } from '@ferry/core';
import type { TenantTx } from '../db/tenant-transaction.js';

/**
 * The organisation with this id if the transaction's scope can see it (its own, or any for a super admin), else
 * FERRY_ERR_NOT_FOUND: another organisation's id answers exactly like an unknown one.
 */
export async function findOrganisation(tx: TenantTx, orgId: string) {
  const org = await tx.db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new FerryError('FERRY_ERR_NOT_FOUND', `No organisation ${orgId}`);
  return org;
}

/** A user of the organisation, or FERRY_ERR_NOT_FOUND. */
export async function findOrgUser(tx: TenantTx, orgId: string, userId: string) {
  const user = await tx.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  if (!user) throw new FerryError('FERRY_ERR_NOT_FOUND', `No user ${userId} in organisation ${orgId}`);
  return user;
}
