import { FerryError } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { projectSettingsSchema } from '../../jobs/project-run-paths.js';
import { findTarget } from '../../targets/target-view.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from './get-project-route.js';

/**
 * PUT /api/projects/:projectId/settings: replaces the project's settings (validated; audited with before and after).
 * A database target must be one of the organisation's registered target databases.
 */
export function updateSettingsRoute(app: FerryApp): void {
  app.put(
    '/api/projects/:projectId/settings',
    {
      schema: {
        tags: ['projects'],
        summary: 'Update project settings',
        params: projectParams,
        body: projectSettingsSchema,
        response: { 200: projectSettingsSchema },
      },
      config: { access: 'project.manage' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        if (request.body.targetId) {
          const target = await findTarget(tx, request.body.targetId);
          // A super admin sees every organisation's targets: a project still loads only into its own's.
          if (target.organisation_id !== project.organisation_id)
            throw new FerryError('FERRY_ERR_NOT_FOUND', `No target database ${request.body.targetId}`);
        }
        await tx.db
          .updateTable('projects')
          .set({ settings: JSON.stringify(request.body) })
          .where('id', '=', project.id)
          .execute();
        await request.audit(tx, {
          organisationId: project.organisation_id,
          action: 'project.settings',
          targetType: 'project',
          targetId: project.id,
          before: project.settings,
          after: request.body,
        });
        return request.body;
      }),
  );
}
