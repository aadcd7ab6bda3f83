import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { listMigrationPresets, migrationPresetSchema } from '../../practice-import/practice-presets.js';

/** GET /api/migration-presets: every record-type preset (`optix-patients`, ...) with its files and field map. */
export function listMigrationPresetsRoute(app: FerryApp): void {
  app.get(
    '/api/migration-presets',
    {
      schema: {
        tags: ['migrations'],
        summary: 'Practice import presets',
        response: { 200: z.object({ presets: migrationPresetSchema.array() }) },
      },
      config: { access: 'catalog.read' },
    },
    async () => ({ presets: await listMigrationPresets(app.platform.packs) }),
  );
}
