import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { triageStatuses } from '../../db/platform-schema.js';
import { listTriage, triageSchema } from '../../quality/issue-triage-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { pageOf, pagingQuery } from '../schemas.js';

/** GET /api/projects/:projectId/quality/triage: the project's triaged issues, newest first, by check and status. */
export function listTriageRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/quality/triage',
    {
      schema: {
        tags: ['quality'],
        summary: 'Triaged quality issues of a project',
        params: projectParams,
        querystring: pagingQuery.extend({
          checkId: z.string().max(200).optional(),
          status: z.enum(triageStatuses).optional(),
        }),
        response: { 200: pageOf(triageSchema) },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const { page, pageSize, checkId, status } = request.query;
      const all = await request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        return listTriage(tx, project.id, checkId);
      });
      const items = all.filter((t) => status === undefined || t.status === status);
      return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
    },
  );
}
