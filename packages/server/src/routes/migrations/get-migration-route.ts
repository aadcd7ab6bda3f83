import type { FerryApp } from '../../app-types.js';
import { tenantTransaction } from '../../db/tenant-transaction.js';
import {
  findPracticeJob,
  jobRejectGroups,
  practiceJobSchema,
  practiceJobView,
  rejectGroupSchema,
} from '../../practice-import/practice-import-jobs.js';
import { jobParams, migrationContext } from './migration-context.js';

/** GET /api/migrations/:jobId: a job's status and counts, and its rejects grouped by reason with the rows to fix. */
export function getMigrationRoute(app: FerryApp): void {
  app.get(
    '/api/migrations/:jobId',
    {
      schema: {
        tags: ['migrations'],
        summary: 'A practice import job',
        params: jobParams,
        response: { 200: practiceJobSchema.extend({ rejects: rejectGroupSchema.array() }) },
      },
      config: { access: 'run.read' },
    },
    async (request) => {
      const ctx = migrationContext(app, request);
      return tenantTransaction(ctx.db, ctx.scope, async (tx) => {
        const job = await findPracticeJob(tx, request.params.jobId);
        return { ...practiceJobView(job), rejects: await jobRejectGroups(tx, job.id) };
      });
    },
  );
}
