import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { projectSchema, projectView } from '../../tenancy/project-view.js';
import { idSchema } from '../schemas.js';

/** GET /api/projects: the projects the caller's organisation owns (optionally of one workspace). */
export function listProjectsRoute(app: FerryApp): void {
  app.get(
    '/api/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'List projects',
        querystring: z.object({ workspaceId: idSchema.optional() }),
        response: { 200: z.array(projectSchema) },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const rows = await request.tenant((tx) =>
        tx.db
          .selectFrom('projects')
          .selectAll()
          .$if(request.query.workspaceId !== undefined, (q) => q.where('workspace_id', '=', request.query.workspaceId!))
          .orderBy('name')
          .execute(),
      );
      return rows.map(projectView);
    },
  );
}
