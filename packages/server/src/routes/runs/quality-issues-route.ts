import { readFile } from 'node:fs/promises';
import { FerryError, type issuesCsvHeader, parseCsvText } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { artefactPath } from '../../jobs/run-artefacts.js';
import { findRun } from '../../jobs/run-view.js';
import { pageOf, pagingQuery } from '../schemas.js';
import { runParams } from './run-params.js';

const issueSchema = z.object({
  checkId: z.string(),
  severity: z.string(),
  targetTable: z.string(),
  targetKey: z.string(),
  sourceTable: z.string(),
  sourceKey: z.string(),
  field: z.string(),
  message: z.string(),
});

/**
 * GET /api/runs/:runId/quality/issues: the run's quality issues (keys and lineage, never values), paged and filtered
 * by check, severity and target table.
 */
export function qualityIssuesRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/quality/issues',
    {
      schema: {
        tags: ['quality'],
        summary: 'Quality issues of a run',
        params: runParams,
        querystring: pagingQuery.extend({
          checkId: z.string().max(200).optional(),
          severity: z.enum(['error', 'warning', 'info']).optional(),
          table: z.string().max(200).optional(),
        }),
        response: { 200: pageOf(issueSchema) },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const run = await request.tenant((tx) => findRun(tx, request.params.runId));
      const path = await artefactPath(app.platform.config.dataDir, run, 'check', 'issues.csv').catch((e) => {
        throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no quality issues file yet`, {}, { cause: e });
      });
      const [header, ...rows] = parseCsvText(await readFile(path, 'utf8'));
      const at = (name: (typeof issuesCsvHeader)[number]) => header!.indexOf(name);
      const { page, pageSize, checkId, severity, table } = request.query;
      const issues = rows
        .map((r) => ({
          checkId: r[at('check_id')] ?? '',
          severity: r[at('severity')] ?? '',
          targetTable: r[at('target_table')] ?? '',
          targetKey: r[at('target_key')] ?? '',
          sourceTable: r[at('source_table')] ?? '',
          sourceKey: r[at('source_key')] ?? '',
          field: r[at('field')] ?? '',
          message: r[at('message')] ?? '',
        }))
        .filter(
          (i) =>
            (checkId === undefined || i.checkId === checkId) &&
            (severity === undefined || i.severity === severity) &&
            (table === undefined || i.targetTable === table),
        );
      return { items: issues.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: issues.length };
    },
  );
}
