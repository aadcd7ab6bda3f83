import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { draftProjectSource } from '../../sources/draft-project-source.js';
import { projectParams } from '../projects/get-project-route.js';
import { idSchema } from '../schemas.js';

const findingSchema = z.object({
  table: z.string(),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

export const sourceDraftSchema = z.object({
  catalog: z.object({
    seq: z.number().int(),
    hash: z.string(),
    tables: z.number().int(),
    columns: z.number().int(),
    inScopeTables: z.number().int(),
    primaryKeys: z.number().int().describe('tables with a primary key inferred'),
    references: z.number().int().describe('columns with a reference inferred'),
  }),
  profile: z.object({ tables: z.number().int(), rows: z.number().int(), columns: z.number().int() }),
  contract: z.object({
    seq: z.number().int(),
    hash: z.string(),
    label: z.string(),
    tables: z.number().int(),
    rows: z.number().int(),
    suggestedRows: z.number().int().describe('target fields given a source column by the suggestion'),
    targetTables: z.number().int(),
    matchedTables: z.number().int(),
    targetFields: z.number().int(),
    toFix: z.array(findingSchema).describe('what stops the draft loading, row by row'),
  }),
});

/**
 * POST /api/projects/:projectId/source/draft: drafts the project's source from one of its connectors (uploaded CSV
 * files, a server folder, or any connector read in place: JSON, Excel, dump, PostgreSQL, MySQL): the source catalog inferred from the files (types, keys, references, scope guessed)
 * becomes the project's next source catalog version, with the extract's profile; the auto-mapper's suggestion
 * against the pack's target becomes the project's next contract version, every row draft with its confidence and
 * reason in its notes. Audited. Runs then read with this catalog and contract; edit both before a load.
 */
export function draftSourceRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/source/draft',
    {
      schema: {
        tags: ['catalogs'],
        summary: "Draft the project's source catalog and contract from a connector",
        params: projectParams,
        body: z.object({
          connectorId: idSchema,
          sampleRows: z.number().int().min(10).max(1_000_000).optional(),
          minConfidence: z.number().min(0).max(1).optional(),
        }),
        response: { 201: sourceDraftSchema },
      },
      config: { access: 'contract.edit' },
    },
    async (request, reply) => {
      const { connectorId, sampleRows, minConfidence } = request.body;
      const outcome = await draftProjectSource(app, request, request.params.projectId, connectorId, {
        ...(sampleRows !== undefined ? { sampleRows } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
      });
      return reply.status(201).send(outcome);
    },
  );
}
