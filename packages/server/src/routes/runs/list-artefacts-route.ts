import { lifecycleStages } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { listArtefacts } from '../../jobs/run-artefacts.js';
import { findRun } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

/** GET /api/runs/:runId/artefacts: the files each stage of the run wrote, with their sizes. */
export function listArtefactsRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/artefacts',
    {
      schema: {
        tags: ['runs'],
        summary: 'Run artefacts',
        params: runParams,
        response: {
          200: z.array(z.object({ stage: z.enum(lifecycleStages), file: z.string(), bytes: z.number().int() })),
        },
      },
      config: { access: 'run.read' },
    },
    async (request) =>
      listArtefacts(app.platform.config.dataDir, await request.tenant((tx) => findRun(tx, request.params.runId))),
  );
}
