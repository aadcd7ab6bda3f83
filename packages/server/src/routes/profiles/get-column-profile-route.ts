import { columnProfileSchema, FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { latestSourceProfile } from '../../profiles/latest-source-profile.js';
import { findProject } from '../../tenancy/project-view.js';
import { idSchema } from '../schemas.js';

const params = z.object({
  projectId: idSchema,
  table: z.string().min(1).max(200),
  column: z.string().min(1).max(200),
});

/**
 * GET /api/projects/:projectId/profile/columns/:table/:column: the profile of one source column (detected type,
 * formats seen, nulls, blanks, distinct, lengths, top values with small cells suppressed) from the latest run that
 * profiled the project's source, so an analyst maps a row with evidence. Values are only what the profile already
 * shows (small cells and identifying columns withheld); the read is audited. 404 when no run has profiled the
 * source yet, or the profile has no such column.
 */
export function getColumnProfileRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/profile/columns/:table/:column',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Profile of one source column (latest profiled run)',
        params,
        response: {
          200: z.object({
            runId: z.string(),
            profiledAt: z.string(),
            smallCellThreshold: z.number().int(),
            table: z.object({ name: z.string(), rows: z.number().int(), raggedRows: z.number().int() }),
            column: columnProfileSchema,
          }),
        },
      },
      config: { access: 'catalog.read' },
    },
    async (request) => {
      const { projectId, table, column } = request.params;
      return request.tenant(async (tx) => {
        const project = await findProject(tx, projectId);
        const latest = await latestSourceProfile(tx, app.platform.config.dataDir, project.id);
        if (!latest) {
          throw new FerryError('FERRY_ERR_NOT_FOUND', 'No run of this project has profiled its source yet', {
            key: 'profile',
          });
        }
        const t = latest.report.tables.find((x) => x.name.toLowerCase() === table.toLowerCase());
        const c = t?.columns.find((x) => x.name.toLowerCase() === column.toLowerCase());
        if (!t || !c) {
          throw new FerryError(
            'FERRY_ERR_NOT_FOUND',
            `The profile of run ${latest.run.id} has no source column ${table}.${column}`,
            { table, key: column },
          );
        }
        await request.audit(tx, {
          organisationId: project.organisation_id,
          action: 'profile.read',
          targetType: 'run',
          targetId: latest.run.id,
          details: { table: t.name, column: c.name },
        });
        return {
          runId: latest.run.id,
          profiledAt: new Date(latest.run.finished_at ?? latest.run.created_at).toISOString(),
          smallCellThreshold: latest.report.settings.smallCellThreshold,
          table: { name: t.name, rows: t.rows, raggedRows: t.raggedRows },
          column: c,
        };
      });
    },
  );
}
