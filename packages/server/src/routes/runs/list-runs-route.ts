import type { FerryApp } from '../../app-types.js';
import { runSchema, runView } from '../../jobs/run-view.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { pageOf, pagingQuery } from '../schemas.js';

/** GET /api/projects/:projectId/runs: the project's runs, newest first, paged. */
export function listRunsRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'List runs',
        params: projectParams,
        querystring: pagingQuery,
        response: { 200: pageOf(runSchema) },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const base = tx.db.selectFrom('runs').where('project_id', '=', project.id);
        const [count] = await base.select((eb) => eb.fn.countAll().as('n')).execute();
        const rows = await base
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute();
        return { items: rows.map(runView), page, pageSize, total: Number(count?.n ?? 0) };
      });
    },
  );
}
