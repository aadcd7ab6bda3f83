import type { FerryApp } from '../../app-types.js';
import { practiceJobSchema, practiceJobView } from '../../practice-import/practice-import-jobs.js';
import { rollbackImport } from '../../practice-import/practice-import-service.js';
import { jobParams, migrationContext } from './migration-context.js';

/**
 * POST /api/migrations/:jobId/rollback: removes exactly the records the job imported, in its company only (row-level
 * security); refused when already rolled back or while another job's records link to them.
 */
export function rollbackMigrationRoute(app: FerryApp): void {
  app.post(
    '/api/migrations/:jobId/rollback',
    {
      schema: {
        tags: ['migrations'],
        summary: 'Roll back a practice import job',
        params: jobParams,
        response: { 200: practiceJobSchema },
      },
      config: { access: 'run.rollback' },
    },
    async (request) => practiceJobView(await rollbackImport(migrationContext(app, request), request.params.jobId)),
  );
}
