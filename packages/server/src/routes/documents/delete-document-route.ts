import { rm } from 'node:fs/promises';
import type { FerryApp } from '../../app-types.js';
import { documentPath } from '../../documents/document-storage.js';
import { okSchema } from '../schemas.js';
import { documentParams, findDocument } from './document-view.js';

/** DELETE /api/documents/:documentId: removes a document (the audit trail keeps its hash). */
export function deleteDocumentRoute(app: FerryApp): void {
  app.delete(
    '/api/documents/:documentId',
    {
      schema: {
        tags: ['documents'],
        summary: 'Delete a document',
        params: documentParams,
        response: { 200: okSchema },
      },
      config: { access: 'documents.write' },
    },
    async (request) => {
      const doc = await request.tenant(async (tx) => {
        const found = await findDocument(tx, request.params.documentId);
        await tx.db.deleteFrom('documents').where('id', '=', found.id).execute();
        await request.audit(tx, {
          organisationId: found.organisation_id,
          action: 'document.delete',
          targetType: 'document',
          targetId: found.id,
          before: { sha256: found.sha256, fileName: found.file_name },
        });
        return found;
      });
      await rm(documentPath(app.platform.config.dataDir, doc.organisation_id, doc.id), { force: true });
      return { ok: true as const };
    },
  );
}
