import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { projectRunStore } from '../../jobs/project-run-paths.js';
import { findRun } from '../../jobs/run-view.js';
import { currentRunSchema, currentRunView } from './current-run-route.js';
import { runParams } from './run-params.js';

/**
 * POST /api/runs/:runId/restore: restores a finished run's snapshot with core's `RunStore.restore`: the run becomes the
 * project's current run, so the next rerun from a stage (or single stage) reuses its artefacts instead of the latest
 * run's, and its evidence package becomes the current evidence. Refused while a run of the project is queued or
 * running (they share the run store). Audited with the current run before and after.
 */
export function restoreRunRoute(app: FerryApp): void {
  app.post(
    '/api/runs/:runId/restore',
    {
      schema: {
        tags: ['runs'],
        summary: "Restore a run's snapshot as the current run",
        params: runParams,
        body: z.object({}).optional(),
        response: { 200: currentRunSchema },
      },
      config: { access: 'lifecycle.run' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const run = await findRun(tx, request.params.runId);
        await tx.run.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE', [run.project_id]);
        if (run.status === 'queued' || run.status === 'running' || run.status === 'cancelled' || !run.lifecycle_run_id)
          throw new FerryError('FERRY_ERR_CONFLICT', `The run is ${run.status}; only a finished run can be restored`);
        const busy = await tx.db
          .selectFrom('runs')
          .select('id')
          .where('project_id', '=', run.project_id)
          .where('status', 'in', ['queued', 'running'])
          .executeTakeFirst();
        if (busy)
          throw new FerryError('FERRY_ERR_CONFLICT', `Run ${busy.id} of this project is going; restore when it ends`);
        const store = projectRunStore(app.platform.config.dataDir, run.project_id);
        const before = await store.current();
        await store.restore(run.lifecycle_run_id);
        await request.audit(tx, {
          organisationId: run.organisation_id,
          action: 'run.restore',
          targetType: 'run',
          targetId: run.id,
          before: { currentRun: before?.runId ?? null },
          after: { currentRun: run.lifecycle_run_id },
          details: { projectId: run.project_id, from: before?.runId ?? null, to: run.lifecycle_run_id },
        });
        return currentRunView(tx, app.platform.config.dataDir, run.project_id);
      }),
  );
}
