import { FerryError } from '@ferry/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DocumentsTable } from '../../db/platform-schema.js';
import type { TenantTx } from '../../db/tenant-transaction.js';
import { idSchema } from '../schemas.js';

export const documentParams = z.object({ documentId: idSchema });

export const documentSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

export function documentView(d: Selectable<DocumentsTable>): z.infer<typeof documentSchema> {
  return {
    id: d.id,
    projectId: d.project_id,
    fileName: d.file_name,
    contentType: d.content_type,
    bytes: Number(d.bytes),
    sha256: d.sha256,
    uploadedBy: d.uploaded_by,
    uploadedAt: new Date(d.uploaded_at).toISOString(),
  };
}

/** A document the scope can see, or FERRY_ERR_NOT_FOUND. */
export async function findDocument(tx: TenantTx, documentId: string) {
  const doc = await tx.db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  if (!doc) throw new FerryError('FERRY_ERR_NOT_FOUND', `No document ${documentId}`);
  return doc;
}
