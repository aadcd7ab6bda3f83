import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findProject, projectSchema, projectView } from '../../tenancy/project-view.js';
import { idSchema } from '../schemas.js';

export const projectParams = z.object({ projectId: idSchema });

/** GET /api/projects/:projectId: one project (404 for another organisation's). */
export function getProjectRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId',
    {
      schema: { tags: ['projects'], summary: 'A project', params: projectParams, response: { 200: projectSchema } },
      config: { access: 'project.read' },
    },
    async (request) => projectView(await request.tenant((tx) => findProject(tx, request.params.projectId))),
  );
}
