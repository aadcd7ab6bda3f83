import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { documentSchema, documentView } from './document-view.js';

/** GET /api/projects/:projectId/documents: the project's documents, newest first. */
export function listDocumentsRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'List documents',
        params: projectParams,
        response: { 200: z.array(documentSchema) },
      },
      config: { access: 'documents.read' },
    },
    async (request) => {
      const rows = await request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        return tx.db
          .selectFrom('documents')
          .selectAll()
          .where('project_id', '=', project.id)
          .orderBy('uploaded_at', 'desc')
          .orderBy('file_name')
          .execute();
      });
      return rows.map(documentView);
    },
  );
}
