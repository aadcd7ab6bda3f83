import { FerryError } from '@ferry/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { ConnectorFilesTable, ConnectorsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { idSchema } from '../routes/schemas.js';
import { connectorTypes } from './connector-settings.js';

export const connectorParams = z.object({ connectorId: idSchema });

export const connectorFileSchema = z.object({
  id: z.string(),
  table: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  encoding: z.string(),
  records: z.number().int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

/** A connector as the API shows it: settings, and whether a password is set (never the password). */
export const connectorSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  type: z.enum(connectorTypes),
  config: z.record(z.string(), z.unknown()),
  passwordSet: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function connectorView(c: Selectable<ConnectorsTable>): z.infer<typeof connectorSchema> {
  return {
    id: c.id,
    projectId: c.project_id,
    name: c.name,
    type: c.type,
    config: c.config,
    passwordSet: c.secret !== null,
    createdBy: c.created_by,
    createdAt: new Date(c.created_at).toISOString(),
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}

export function connectorFileView(f: Selectable<ConnectorFilesTable>): z.infer<typeof connectorFileSchema> {
  return {
    id: f.id,
    table: f.table_name,
    fileName: f.file_name,
    bytes: Number(f.bytes),
    sha256: f.sha256,
    encoding: f.encoding,
    records: f.records,
    uploadedBy: f.uploaded_by,
    uploadedAt: new Date(f.uploaded_at).toISOString(),
  };
}

/** A connector the scope can see, or FERRY_ERR_NOT_FOUND (another organisation's answers like an unknown one). */
export async function findConnector(tx: TenantTx, connectorId: string) {
  const found = await tx.db.selectFrom('connectors').selectAll().where('id', '=', connectorId).executeTakeFirst();
  if (!found) throw new FerryError('FERRY_ERR_NOT_FOUND', `No connector ${connectorId}`);
  return found;
}

/** The uploaded files of a connector, by table. */
export function connectorFiles(tx: TenantTx, connectorId: string) {
  return tx.db
    .selectFrom('connector_files')
    .selectAll()
    .where('connector_id', '=', connectorId)
    .orderBy('table_name')
    .execute();
}
