import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { projectCoverage, suggestionReason } from '../../crosswalks/project-crosswalk-coverage.js';
import { projectParams } from '../projects/get-project-route.js';
import { pageOf, pagingQuery } from '../schemas.js';
import { coverageRunQuery, unmappedCodeSchema } from './coverage-schemas.js';

/**
 * GET /api/projects/:projectId/crosswalks/unmapped: the local codes of a run's extract with no approved mapping,
 * most frequent first, with their exact counts, where they were seen, their label in the source lookups and the
 * national codes suggested (confidence and reason); paged, filtered by code type.
 */
export function unmappedCodesRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/crosswalks/unmapped',
    {
      schema: {
        tags: ['crosswalks'],
        summary: 'Unmapped local codes with counts and suggestions',
        params: projectParams,
        querystring: pagingQuery.merge(coverageRunQuery).extend({ codeType: z.string().max(100).optional() }),
        response: { 200: pageOf(unmappedCodeSchema).extend({ runId: z.string(), crosswalkHash: z.string() }) },
      },
      config: { access: 'crosswalk.read' },
    },
    async (request) => {
      const { runId, codeType, page, pageSize } = request.query;
      const coverage = await request.tenant((tx) => projectCoverage(app.platform, tx, request.params.projectId, runId));
      const codes = coverage.report.codeTypes
        .filter((c) => codeType === undefined || c.codeType === codeType)
        .flatMap((c) =>
          c.unmapped.map((u) => ({
            codeType: c.codeType,
            ...u,
            suggestions: u.suggestions.map((s) => ({ ...s, reason: suggestionReason(u.label ?? '', s) })),
          })),
        )
        .sort((a, b) => b.count - a.count || (a.codeType < b.codeType ? -1 : a.codeType > b.codeType ? 1 : 0));
      return {
        runId: coverage.runId,
        crosswalkHash: coverage.crosswalks.hash,
        items: codes.slice((page - 1) * pageSize, page * pageSize),
        page,
        pageSize,
        total: codes.length,
      };
    },
  );
}
