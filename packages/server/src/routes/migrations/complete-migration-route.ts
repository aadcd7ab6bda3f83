import type { FerryApp } from '../../app-types.js';
import { practiceJobSchema, practiceJobView } from '../../practice-import/practice-import-jobs.js';
import { completeImport } from '../../practice-import/practice-import-service.js';
import { jobParams, migrationContext } from './migration-context.js';

/** POST /api/migrations/:jobId/complete: closes an open job; it takes no more records. */
export function completeMigrationRoute(app: FerryApp): void {
  app.post(
    '/api/migrations/:jobId/complete',
    {
      schema: {
        tags: ['migrations'],
        summary: 'Complete a practice import job',
        params: jobParams,
        response: { 200: practiceJobSchema },
      },
      config: { access: 'lifecycle.run' },
    },
    async (request) => practiceJobView(await completeImport(migrationContext(app, request), request.params.jobId)),
  );
}
