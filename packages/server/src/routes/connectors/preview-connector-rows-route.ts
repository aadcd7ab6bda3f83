import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { previewConnectorRows } from '../../connectors/preview-connector-rows.js';
import { idSchema } from '../schemas.js';
import { requestedConnector } from './open-requested-connector.js';

const params = z.object({ connectorId: idSchema, table: z.string().min(1).max(200) });
const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
const pageSchema = z.object({
  table: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string().nullable())),
  /** For files: the line each row starts on. */
  lines: z.array(z.number().int()).optional(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
});

/**
 * GET /api/connectors/:connectorId/tables/:table/rows: a page of a source table's rows. These are patient-level
 * data: the route needs connector.preview and every page shown is recorded in the audit trail (table, page, rows;
 * never values).
 */
export function previewConnectorRowsRoute(app: FerryApp): void {
  app.get(
    '/api/connectors/:connectorId/tables/:table/rows',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Preview rows of a source table (audited)',
        params,
        querystring: query,
        response: { 200: pageSchema },
      },
      config: { access: 'connector.preview' },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const { table } = request.params;
      const { connector, read } = await requestedConnector(app, request, request.params.connectorId);
      const result = await read((opened) => previewConnectorRows(opened, table, (page - 1) * pageSize, pageSize));
      await request.tenant((tx) =>
        request.audit(tx, {
          organisationId: connector.organisation_id,
          action: 'connector.preview',
          targetType: 'connector',
          targetId: connector.id,
          details: { projectId: connector.project_id, table, page, pageSize, rows: result.rows.length },
        }),
      );
      return {
        table,
        columns: result.columns,
        rows: result.rows,
        ...(result.lines ? { lines: result.lines } : {}),
        page,
        pageSize,
        hasMore: result.hasMore,
      };
    },
  );
}
