import type { FerryApp } from '../../app-types.js';
import { practiceJobSchema } from '../../practice-import/practice-import-jobs.js';
import { createImport, newImportSchema } from '../../practice-import/practice-import-service.js';
import { migrationContext } from './migration-context.js';

/**
 * POST /api/migrations: an import job for a company (the caller's organisation; any, for a super admin) from an
 * outgoing system's export: the preset (`optical:optix`, `optix-patients`) or the source system, the record type when
 * the job is for one, and how duplicates and bad records are handled.
 */
export function createMigrationRoute(app: FerryApp): void {
  app.post(
    '/api/migrations',
    {
      schema: {
        tags: ['migrations'],
        summary: 'Create a practice import job',
        body: newImportSchema,
        response: { 201: practiceJobSchema },
      },
      config: { access: 'lifecycle.run' },
    },
    async (request, reply) => {
      const job = await createImport(migrationContext(app, request), request.body);
      return reply.code(201).send(job);
    },
  );
}
