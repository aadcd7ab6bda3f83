import type { FerryApp } from '../../app-types.js';
import { projectSettingsSchema } from '../../jobs/project-run-paths.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from './get-project-route.js';

/** GET /api/projects/:projectId/settings: the project's settings, defaults filled in. */
export function getSettingsRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/settings',
    {
      schema: {
        tags: ['projects'],
        summary: 'Project settings',
        params: projectParams,
        response: { 200: projectSettingsSchema },
      },
      config: { access: 'project.read' },
    },
    async (request) =>
      projectSettingsSchema.parse(
        (await request.tenant((tx) => findProject(tx, request.params.projectId))).settings ?? {},
      ),
  );
}
