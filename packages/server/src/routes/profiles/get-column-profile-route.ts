import { columnProfileSchema, FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { latestSourceProfile } from '../../profiles/latest-source-profile.js';
import { currentSourceCatalog, sourceCatalogProfile } from '../../sources/project-source-catalog-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { idSchema } from '../schemas.js';

const params = z.object({
  projectId: idSchema,
  table: z.string().min(1).max(200),
  column: z.string().min(1).max(200),
});

/**
 * GET /api/projects/:projectId/profile/columns/:table/:column: the profile of one source column (detected type,
 * formats seen, nulls, blanks, distinct, lengths, top values with small cells suppressed) from the newest profile of
 * the project's source: the latest run that profiled it, or the extract its own source catalog was drafted from
 * (`from: source-draft`, no run), so an analyst maps a row with evidence. Values are only what the profile already
 * shows (small cells and identifying columns withheld); the read is audited. 404 when the source has not been
 * profiled yet, or the profile has no such column.
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
            runId: z.string().nullable().describe('the run that profiled the source (null: the source draft)'),
            from: z.enum(['run', 'source-draft']),
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
        const [latest, own] = await Promise.all([
          latestSourceProfile(tx, app.platform.config.dataDir, project.id),
          currentSourceCatalog(tx, project.id),
        ]);
        const runAt = latest ? new Date(latest.run.finished_at ?? latest.run.created_at) : undefined;
        const draftAt = own?.row.profiled_at ? new Date(own.row.profiled_at) : undefined;
        const draftReport = own && draftAt && (!runAt || draftAt > runAt) ? sourceCatalogProfile(own.row) : undefined;
        const found = draftReport
          ? { from: 'source-draft' as const, runId: null, at: draftAt!, report: draftReport }
          : latest
            ? { from: 'run' as const, runId: latest.run.id, at: runAt!, report: latest.report }
            : undefined;
        if (!found) {
          throw new FerryError('FERRY_ERR_NOT_FOUND', "The project's source has not been profiled yet", {
            key: 'profile',
          });
        }
        const t = found.report.tables.find((x) => x.name.toLowerCase() === table.toLowerCase());
        const c = t?.columns.find((x) => x.name.toLowerCase() === column.toLowerCase());
        if (!t || !c) {
          throw new FerryError(
            'FERRY_ERR_NOT_FOUND',
            `The profile of ${found.runId ? `run ${found.runId}` : 'the source draft'} has no source column ${table}.${column}`,
            { table, key: column },
          );
        }
        await request.audit(tx, {
          organisationId: project.organisation_id,
          action: 'profile.read',
          targetType: found.runId ? 'run' : 'project',
          targetId: found.runId ?? project.id,
          details: { table: t.name, column: c.name, from: found.from },
        });
        return {
          runId: found.runId,
          from: found.from,
          profiledAt: found.at.toISOString(),
          smallCellThreshold: found.report.settings.smallCellThreshold,
          table: { name: t.name, rows: t.rows, raggedRows: t.raggedRows },
          column: c,
        };
      });
    },
  );
}
