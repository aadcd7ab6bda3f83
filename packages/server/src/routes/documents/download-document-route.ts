import { createReadStream } from 'node:fs';
import type { FerryApp } from '../../app-types.js';
import { documentPath } from '../../documents/document-storage.js';
import { documentParams, findDocument } from './document-view.js';

/** GET /api/documents/:documentId: downloads a document as an attachment (never rendered inline); audited. */
export function downloadDocumentRoute(app: FerryApp): void {
  app.get(
    '/api/documents/:documentId',
    {
      schema: { tags: ['documents'], summary: 'Download a document', params: documentParams },
      config: { access: 'documents.read' },
    },
    async (request, reply) => {
      const doc = await request.tenant(async (tx) => {
        const found = await findDocument(tx, request.params.documentId);
        await request.audit(tx, {
          organisationId: found.organisation_id,
          action: 'document.download',
          targetType: 'document',
          targetId: found.id,
        });
        return found;
      });
      reply.header(
        'content-disposition',
        `attachment; filename="document.${doc.file_name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`,
      );
      return reply
        .type(doc.content_type)
        .send(createReadStream(documentPath(app.platform.config.dataDir, doc.organisation_id, doc.id)));
    },
  );
}
