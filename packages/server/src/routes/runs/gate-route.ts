import { readFile } from 'node:fs/promises';
import { FerryError, gateReportSchema } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { artefactPath } from '../../jobs/run-artefacts.js';
import { findRun } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

export const gateDecisionSchema = z.object({
  id: z.string(),
  decision: z.enum(['go', 'no_go', 'rollback']),
  note: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

/** GET /api/runs/:runId/gate: the release gate report of the run and the go/no-go decisions recorded on it. */
export function gateRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/gate',
    {
      schema: {
        tags: ['gate'],
        summary: 'Gate results',
        params: runParams,
        response: { 200: z.object({ report: gateReportSchema, decisions: z.array(gateDecisionSchema) }) },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const { run, decisions } = await request.tenant(async (tx) => {
        const run = await findRun(tx, request.params.runId);
        const decisions = await tx.db
          .selectFrom('gate_decisions')
          .selectAll()
          .where('run_id', '=', run.id)
          .orderBy('decided_at')
          .execute();
        return { run, decisions };
      });
      const path = await artefactPath(app.platform.config.dataDir, run, 'gate', 'release_gate_report.json').catch(
        (e) => {
          throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no gate report yet`, {}, { cause: e });
        },
      );
      return {
        report: gateReportSchema.parse(JSON.parse(await readFile(path, 'utf8'))),
        decisions: decisions.map((d) => ({
          id: d.id,
          decision: d.decision,
          note: d.note,
          decidedBy: d.decided_by,
          decidedAt: new Date(d.decided_at).toISOString(),
        })),
      };
    },
  );
}
