import { FerryError } from '@ferry/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { TargetDatabasesTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { idSchema } from '../routes/schemas.js';

export const targetParams = z.object({ targetId: idSchema });

/** A target database as the API shows it: where it is, and whether a password is set (never the password). */
export const targetSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  schema: z.string(),
  user: z.string(),
  passwordSet: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TargetView = z.infer<typeof targetSchema>;

export function targetView(t: Selectable<TargetDatabasesTable>): TargetView {
  return {
    id: t.id,
    organisationId: t.organisation_id,
    name: t.name,
    host: t.host,
    port: t.port,
    database: t.database,
    schema: t.schema,
    user: t.username,
    passwordSet: t.secret !== null,
    createdBy: t.created_by,
    createdAt: new Date(t.created_at).toISOString(),
    updatedAt: new Date(t.updated_at).toISOString(),
  };
}

/** A target the scope can see, or FERRY_ERR_NOT_FOUND (another organisation's answers like an unknown one). */
export async function findTarget(tx: TenantTx, targetId: string): Promise<Selectable<TargetDatabasesTable>> {
  const found = await tx.db.selectFrom('target_databases').selectAll().where('id', '=', targetId).executeTakeFirst();
  if (!found) throw new FerryError('FERRY_ERR_NOT_FOUND', `No target database ${targetId}`);
  return found;
}
