import { readFile } from 'node:fs/promises';
import { domainKpiSchema, FerryError, qualityKpiSchema, qualityReportSchema } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { artefactPath } from '../../jobs/run-artefacts.js';
import { findRun } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

const checkSummarySchema = z.object({
  id: z.string(),
  domain: z.string(),
  severity: z.string(),
  table: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number(),
  executed: z.boolean(),
});

/** GET /api/runs/:runId/quality/kpis: the quality report's totals, KPIs per domain and each check's raw figures. */
export function qualityKpisRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/quality/kpis',
    {
      schema: {
        tags: ['quality'],
        summary: 'Quality KPIs of a run',
        params: runParams,
        response: {
          200: z.object({
            jobId: z.string(),
            asOfDate: z.string(),
            totals: qualityKpiSchema,
            domains: z.array(domainKpiSchema),
            checks: z.array(checkSummarySchema),
          }),
        },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const run = await request.tenant((tx) => findRun(tx, request.params.runId));
      const path = await artefactPath(app.platform.config.dataDir, run, 'check', 'quality_report.json').catch((e) => {
        throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no quality report yet`, {}, { cause: e });
      });
      const report = qualityReportSchema.parse(JSON.parse(await readFile(path, 'utf8')));
      return {
        jobId: report.jobId,
        asOfDate: report.asOfDate,
        totals: report.totals,
        domains: report.kpis,
        checks: report.checks.map(({ id, domain, severity, table, numerator, denominator, rate, executed }) => ({
          id,
          domain,
          severity,
          table,
          numerator,
          denominator,
          rate,
          executed,
        })),
      };
    },
  );
}
