import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { triageStatuses } from '../../db/platform-schema.js';
import { findRun } from '../../jobs/run-view.js';
import { issueIdentityKey, listTriage, triageIndex, triageSchema } from '../../quality/issue-triage-store.js';
import { issueSchema, readRunIssues } from '../../quality/run-issues.js';
import { pageOf, pagingQuery } from '../schemas.js';
import { runParams } from './run-params.js';

/**
 * GET /api/runs/:runId/quality/issues: the run's quality issues (keys and lineage, never values), paged and filtered
 * by check, severity, target table and triage status (`untriaged`: nobody triaged it), each with the triage its
 * identity has in the project (from this run or an earlier one).
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
          triage: z.enum([...triageStatuses, 'untriaged']).optional(),
        }),
        response: { 200: pageOf(issueSchema.extend({ triage: triageSchema.nullable() })) },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const { page, pageSize, checkId, severity, table, triage: triageFilter } = request.query;
      const { run, triage } = await request.tenant(async (tx) => {
        const run = await findRun(tx, request.params.runId);
        return { run, triage: triageIndex(await listTriage(tx, run.project_id, checkId)) };
      });
      const issues = (await readRunIssues(app.platform.config.dataDir, run))
        .filter(
          (i) =>
            (checkId === undefined || i.checkId === checkId) &&
            (severity === undefined || i.severity === severity) &&
            (table === undefined || i.targetTable === table),
        )
        .map((i) => ({ ...i, triage: triage.get(issueIdentityKey(i)) ?? null }))
        .filter(
          (i) =>
            triageFilter === undefined ||
            (triageFilter === 'untriaged' ? !i.triage : i.triage?.status === triageFilter),
        );
      return { items: issues.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: issues.length };
    },
  );
}
