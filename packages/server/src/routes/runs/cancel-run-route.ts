import { FerryError } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { findRun, runSchema, runView } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

/**
 * POST /api/runs/:runId/cancel: records the request, then a queued run leaves the queue (cancelled at once) and a
 * running one stops at its next progress point, in whichever process runs it.
 */
export function cancelRunRoute(app: FerryApp): void {
  app.post(
    '/api/runs/:runId/cancel',
    {
      schema: { tags: ['runs'], summary: 'Cancel a run', params: runParams, response: { 202: runSchema } },
      config: { access: 'lifecycle.run' },
    },
    async (request, reply) => {
      const run = await request.tenant(async (tx) => {
        const found = await findRun(tx, request.params.runId);
        if (found.status !== 'queued' && found.status !== 'running')
          throw new FerryError(
            'FERRY_ERR_CONFLICT',
            `The run already ${found.status === 'cancelled' ? 'was cancelled' : found.status}`,
          );
        const updated = await tx.db
          .updateTable('runs')
          .set({ cancel_requested: true })
          .where('id', '=', found.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          organisationId: found.organisation_id,
          action: 'run.cancel',
          targetType: 'run',
          targetId: found.id,
        });
        return updated;
      });
      await app.platform.jobs.cancel({
        runId: run.id,
        orgId: run.organisation_id,
        projectId: run.project_id,
        startedBy: run.started_by,
      });
      return reply.status(202).send(runView(run));
    },
  );
}
