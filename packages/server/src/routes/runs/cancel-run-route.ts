import { FerryError } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { findRun, runSchema, runView } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

/** POST /api/runs/:runId/cancel: stops a queued run, or a running one at its next progress point. */
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
      app.platform.jobs.cancel(run.id);
      return reply.status(202).send(runView(run));
    },
  );
}
