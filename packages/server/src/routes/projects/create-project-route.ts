import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { saveContractVersion } from '../../contracts/project-contract-store.js';
import { saveCrosswalkVersion } from '../../crosswalks/project-crosswalk-store.js';
import { packNamed } from '../../packs/pack-registry.js';
import { projectSchema, projectView } from '../../tenancy/project-view.js';
import { idSchema } from '../schemas.js';

const body = z.object({ name: z.string().trim().min(1).max(200), pack: z.string().min(1).max(100) });

/**
 * POST /api/workspaces/:workspaceId/projects: a migration project using one of the server's packs; the pack's reviewed
 * contract and its crosswalks become the project's first contract and crosswalk versions.
 */
export function createProjectRoute(app: FerryApp): void {
  app.post(
    '/api/workspaces/:workspaceId/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Create a project',
        params: z.object({ workspaceId: idSchema }),
        body,
        response: { 201: projectSchema },
      },
      config: { access: 'project.manage' },
    },
    async (request, reply) => {
      const pack = packNamed(app.platform.packs, request.body.pack);
      const project = await request.tenant(async (tx) => {
        const workspace = await tx.db
          .selectFrom('workspaces')
          .selectAll()
          .where('id', '=', request.params.workspaceId)
          .executeTakeFirst();
        if (!workspace) throw new FerryError('FERRY_ERR_NOT_FOUND', `No workspace ${request.params.workspaceId}`);
        const created = await tx.db
          .insertInto('projects')
          .values({
            organisation_id: workspace.organisation_id,
            workspace_id: workspace.id,
            name: request.body.name,
            pack: pack.name,
            created_by: request.principal!.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const version = await saveContractVersion(tx, created, await pack.contract(), {
          by: { userId: request.principal!.userId, email: request.principal!.email },
          changes: [],
          message: `imported from pack ${pack.name}`,
        });
        const crosswalks = await saveCrosswalkVersion(tx, created, await pack.crosswalks(), {
          by: { userId: request.principal!.userId, email: request.principal!.email },
          changes: [],
          message: `imported from pack ${pack.name}`,
        });
        await request.audit(tx, {
          organisationId: created.organisation_id,
          action: 'project.create',
          targetType: 'project',
          targetId: created.id,
          after: created,
          details: { pack: pack.name, contractHash: version.row.hash, crosswalkHash: crosswalks.hash },
        });
        return created;
      });
      return reply.status(201).send(projectView(project));
    },
  );
}
