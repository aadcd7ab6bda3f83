import { FerryError } from '@ferry/core';
import { sql } from 'kysely';
import type { FerryApp } from '../../app-types.js';
import { findTarget, targetParams, targetView } from '../../targets/target-view.js';
import { okSchema } from '../schemas.js';

/**
 * DELETE /api/targets/:targetId: removes a target database from the registry. Refused while a project loads into
 * it (naming the projects) or a run into it is queued or running. Runs that loaded into it keep their record.
 */
export function deleteTargetRoute(app: FerryApp): void {
  app.delete(
    '/api/targets/:targetId',
    {
      schema: {
        tags: ['targets'],
        summary: 'Delete a target database',
        params: targetParams,
        response: { 200: okSchema },
      },
      config: { access: 'target.manage' },
    },
    async (request) => {
      await request.tenant(async (tx) => {
        const target = await findTarget(tx, request.params.targetId);
        const projects = await tx.db
          .selectFrom('projects')
          .select('name')
          .where(sql<boolean>`settings->>'targetId' = ${target.id}`)
          .orderBy('name')
          .execute();
        if (projects.length)
          throw new FerryError(
            'FERRY_ERR_CONFLICT',
            `Target database ${target.name} is the target of project ${projects.map((p) => p.name).join(', ')}: choose another target there first`,
          );
        const active = await tx.db
          .selectFrom('runs')
          .select('id')
          .where('target_id', '=', target.id)
          .where('status', 'in', ['queued', 'running'])
          .executeTakeFirst();
        if (active)
          throw new FerryError('FERRY_ERR_CONFLICT', `Run ${active.id} into ${target.name} has not finished yet`);
        await tx.db.deleteFrom('target_databases').where('id', '=', target.id).execute();
        await request.audit(tx, {
          organisationId: target.organisation_id,
          action: 'target.delete',
          targetType: 'target_database',
          targetId: target.id,
          before: targetView(target),
        });
      });
      return { ok: true as const };
    },
  );
}
