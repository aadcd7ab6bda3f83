import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

export const workspaceSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export const workspaceView = (w: { id: string; organisation_id: string; name: string; created_at: Date }) => ({
  id: w.id,
  organisationId: w.organisation_id,
  name: w.name,
  createdAt: new Date(w.created_at).toISOString(),
});

/** POST /api/orgs/:orgId/workspaces: a workspace (a programme of projects) in the organisation. */
export function createWorkspaceRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/workspaces',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create a workspace',
        params: orgParams,
        body: z.object({ name: z.string().trim().min(1).max(200) }),
        response: { 201: workspaceSchema },
      },
      config: { access: 'org.manage' },
    },
    async (request, reply) => {
      const workspace = await request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const created = await tx.db
          .insertInto('workspaces')
          .values({ organisation_id: org.id, name: request.body.name })
          .returningAll()
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'workspace.create',
          targetType: 'workspace',
          targetId: created.id,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(workspaceView(workspace));
    },
  );
}
