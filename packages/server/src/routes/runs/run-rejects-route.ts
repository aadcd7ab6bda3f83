import { readFile } from 'node:fs/promises';
import { FerryError, migrationSummarySchema } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { artefactPath } from '../../jobs/run-artefacts.js';
import { findRun } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

const ledgerSchema = z.object({
  sourceTable: z.string(),
  targetTable: z.string(),
  domain: z.string(),
  read: z.number().int(),
  loaded: z.number().int(),
  rejected: z.number().int(),
  outOfScope: z.number().int(),
  rejectsByReason: z.record(z.string(), z.number().int()),
});

/**
 * GET /api/runs/:runId/rejects: where a run's rejects are, as counts only (per table and per reason code, from its
 * migration report's ledger): readable by everyone who reads runs; the rows themselves (`rejects.csv`, keys and
 * reasons) need evidence.download.
 */
export function runRejectsRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/rejects',
    {
      schema: {
        tags: ['runs'],
        summary: 'Rejects of a run, counted per table and reason',
        params: runParams,
        response: {
          200: z.object({
            byReason: z.array(z.object({ reasonCode: z.string(), rows: z.number().int() })),
            tables: z.array(ledgerSchema),
          }),
        },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const run = await request.tenant((tx) => findRun(tx, request.params.runId));
      const path = await artefactPath(app.platform.config.dataDir, run, 'migrate', 'migration_report.json').catch(
        (e) => {
          throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no migration report yet`, {}, { cause: e });
        },
      );
      const { tables } = migrationSummarySchema.parse(JSON.parse(await readFile(path, 'utf8')));
      const byReason = new Map<string, number>();
      for (const t of tables)
        for (const [reason, n] of Object.entries(t.rejectsByReason))
          byReason.set(reason, (byReason.get(reason) ?? 0) + n);
      return {
        byReason: [...byReason]
          .map(([reasonCode, rows]) => ({ reasonCode, rows }))
          .sort((a, b) => b.rows - a.rows || a.reasonCode.localeCompare(b.reasonCode)),
        tables: tables
          .filter((t) => t.rejected > 0)
          .map(({ sourceTable, targetTable, domain, read, loaded, rejected, outOfScope, rejectsByReason }) => ({
            sourceTable,
            targetTable,
            domain,
            read,
            loaded,
            rejected,
            outOfScope,
            rejectsByReason,
          })),
      };
    },
  );
}
