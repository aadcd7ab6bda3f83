import { runRecordSchema } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { projectRunStore } from '../../jobs/project-run-paths.js';
import { findRun, runSchema, runView } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

/** GET /api/runs/:runId: a run with its lifecycle record (stages, timings, summary) once it has one. */
export function getRunRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId',
    {
      schema: {
        tags: ['runs'],
        summary: 'A run',
        params: runParams,
        response: { 200: runSchema.extend({ record: runRecordSchema.nullable() }) },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const run = await request.tenant((tx) => findRun(tx, request.params.runId));
      const record = run.lifecycle_run_id
        ? await projectRunStore(app.platform.config.dataDir, run.project_id)
            .load(run.lifecycle_run_id)
            .catch(() => null)
        : null;
      return { ...runView(run), record };
    },
  );
}
