import { readFile } from 'node:fs/promises';
import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { documentPath } from '../../documents/document-storage.js';
import { renderMarkdown } from '../../documents/markdown-renderer.js';
import { documentParams, findDocument } from './document-view.js';

/** GET /api/documents/:documentId/html: a markdown document rendered to sanitised HTML (as JSON, for the UI to insert). */
export function renderDocumentRoute(app: FerryApp): void {
  app.get(
    '/api/documents/:documentId/html',
    {
      schema: {
        tags: ['documents'],
        summary: 'A markdown document as sanitised HTML',
        params: documentParams,
        response: { 200: z.object({ html: z.string() }) },
      },
      config: { access: 'documents.read' },
    },
    async (request) => {
      const doc = await request.tenant((tx) => findDocument(tx, request.params.documentId));
      if (!doc.content_type.startsWith('text/markdown'))
        throw new FerryError('FERRY_ERR_CONFLICT', 'Only markdown documents are rendered');
      return {
        html: renderMarkdown(
          await readFile(documentPath(app.platform.config.dataDir, doc.organisation_id, doc.id), 'utf8'),
        ),
      };
    },
  );
}
