import { gateReportSchema } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { gateDecisionSchema, readGateDecisions } from '../../gate/gate-decision-history.js';
import { readRunGateReport } from '../../gate/run-gate-report.js';
import { findRun } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

/**
 * GET /api/runs/:runId/gate: the release gate report of the run, its decisions oldest first (each naming the one it
 * superseded and the one that superseded it) and the decision in force (`current`: the latest unless withdrawn).
 */
export function gateRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/gate',
    {
      schema: {
        tags: ['gate'],
        summary: 'Gate results',
        params: runParams,
        response: {
          200: z.object({
            report: gateReportSchema,
            decisions: z.array(gateDecisionSchema),
            current: gateDecisionSchema.nullable(),
          }),
        },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const { run, history } = await request.tenant(async (tx) => {
        const run = await findRun(tx, request.params.runId);
        return { run, history: await readGateDecisions(tx, run.id) };
      });
      return { report: await readRunGateReport(app.platform.config.dataDir, run), ...history };
    },
  );
}
