import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';

/**
 * GET /api/projects/:projectId/quality/triage/owners: the people an issue can be given to (the organisation's active
 * members, names only), for those who triage.
 */
export function triageOwnersRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/quality/triage/owners',
    {
      schema: {
        tags: ['quality'],
        summary: 'People who can own a quality issue',
        params: projectParams,
        response: { 200: z.array(z.object({ id: z.string(), displayName: z.string() })) },
      },
      config: { access: 'quality.triage' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const rows = await tx.db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('organisation_id', '=', project.organisation_id)
          .where('status', '=', 'active')
          .orderBy('display_name')
          .orderBy('id')
          .execute();
        return rows.map((u) => ({ id: u.id, displayName: u.display_name }));
      }),
  );
}
