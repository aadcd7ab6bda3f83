import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorSchema, connectorView } from '../../connectors/connector-view.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';

/** GET /api/projects/:projectId/connectors: the project's source connectors, by name. */
export function listConnectorsRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/connectors',
    {
      schema: {
        tags: ['connectors'],
        summary: 'List connectors',
        params: projectParams,
        response: { 200: z.array(connectorSchema) },
      },
      config: { access: 'connector.read' },
    },
    async (request) => {
      const rows = await request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        return tx.db
          .selectFrom('connectors')
          .selectAll()
          .where('project_id', '=', project.id)
          .orderBy('name')
          .execute();
      });
      return rows.map(connectorView);
    },
  );
}
