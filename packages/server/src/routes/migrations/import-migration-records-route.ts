import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { practiceJobSchema, practiceJobView } from '../../practice-import/practice-import-jobs.js';
import { importJsonBatch } from '../../practice-import/practice-import-service.js';
import { jobParams, migrationContext } from './migration-context.js';

const body = z.object({
  /** The record type of the batch (`patients`); the job's own when it was created for one. */
  recordType: z.string().min(1).max(100).optional(),
  /** The file the records come from, recorded with each one (default `api`). */
  file: z.string().min(1).max(200).optional(),
  /** Records as the export names its columns; values text, numbers, booleans or null. */
  records: z
    .array(z.record(z.string().max(200), z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()])))
    .min(1)
    .max(5000),
});

/**
 * POST /api/migrations/:jobId/records: a batch of records of one record type, mapped with the job's preset and
 * imported (duplicates skipped or rejected, bad records rejected with reasons; without continue-on-error the job
 * stops, status `failed`, at the first batch with a reject).
 */
export function importMigrationRecordsRoute(app: FerryApp): void {
  app.post(
    '/api/migrations/:jobId/records',
    {
      schema: {
        tags: ['migrations'],
        summary: 'Import a batch of records into a practice import job',
        params: jobParams,
        body,
        response: { 200: practiceJobSchema },
      },
      bodyLimit: 16 * 1024 * 1024,
      config: { access: 'lifecycle.run' },
    },
    async (request) => {
      const { recordType, file, records } = request.body;
      const job = await importJsonBatch(migrationContext(app, request), request.params.jobId, {
        ...(recordType ? { recordType } : {}),
        ...(file ? { file } : {}),
        records,
      });
      return practiceJobView(job);
    },
  );
}
