import type { FerryApp } from '../../app-types.js';
import { projectCoverage } from '../../crosswalks/project-crosswalk-coverage.js';
import { projectParams } from '../projects/get-project-route.js';
import { coverageRunQuery, coverageSchema } from './coverage-schemas.js';

/**
 * GET /api/projects/:projectId/crosswalks/coverage: per crosswalk (code type), the codes a run's source extract
 * sends through it, how many of them (and of their values) have an approved mapping, and the coverage in %.
 */
export function crosswalkCoverageRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/crosswalks/coverage',
    {
      schema: {
        tags: ['crosswalks'],
        summary: "Crosswalk coverage of a run's source extract",
        params: projectParams,
        querystring: coverageRunQuery,
        response: { 200: coverageSchema },
      },
      config: { access: 'crosswalk.read' },
    },
    async (request) => {
      const { runId, contractHash, crosswalks, report } = await request.tenant((tx) =>
        projectCoverage(app.platform, tx, request.params.projectId, request.query.runId),
      );
      return {
        runId,
        contractHash,
        crosswalkHash: crosswalks.hash,
        totals: report.totals,
        codeTypes: report.codeTypes.map(({ unmapped, ...c }) => ({
          ...c,
          unmappedCodes: unmapped.length,
          unmappedValues: c.values - c.mappedValues,
        })),
        problems: report.problems,
      };
    },
  );
}
