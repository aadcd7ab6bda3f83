import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';
import { workspaceSchema, workspaceView } from './create-workspace-route.js';

/** GET /api/orgs/:orgId/workspaces: the organisation's workspaces. */
export function listWorkspacesRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/workspaces',
    {
      schema: {
        tags: ['organisations'],
        summary: 'List workspaces',
        params: orgParams,
        response: { 200: z.array(workspaceSchema) },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const rows = await request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        return tx.db
          .selectFrom('workspaces')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .orderBy('name')
          .execute();
      });
      return rows.map(workspaceView);
    },
  );
}
