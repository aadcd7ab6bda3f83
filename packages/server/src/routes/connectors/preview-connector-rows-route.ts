import { identifierKinds } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { previewConnectorRows } from '../../connectors/preview-connector-rows.js';
import { identifiablePage } from '../../privacy/identifiable-page.js';
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
  /**
   * The columns holding personal identifiers (declared by the project's source catalog, or shown by their values and
   * names) and whether their values are masked: keyed-hash tokens (`ID-...`, the same value always the same token in
   * one organisation) for callers without data.identifiable.
   */
  identifiers: z.array(
    z.object({ column: z.string(), kind: z.enum(identifierKinds), from: z.enum(['declared', 'guessed']) }),
  ),
  masked: z.boolean(),
});

/**
 * GET /api/connectors/:connectorId/tables/:table/rows: a page of a source table's rows. These are patient-level
 * data: the route needs connector.preview and every page shown is recorded in the audit trail (table, page, rows,
 * whether identifiers were masked; never values). Identifier columns are masked unless the caller has
 * data.identifiable.
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
      const shown = await request.tenant(async (tx) => {
        const view = await identifiablePage(app, request, tx, connector, table, result.columns, result.rows);
        await request.audit(tx, {
          organisationId: connector.organisation_id,
          action: 'connector.preview',
          targetType: 'connector',
          targetId: connector.id,
          details: {
            projectId: connector.project_id,
            table,
            page,
            pageSize,
            rows: result.rows.length,
            identifierColumns: view.identifiers.length,
            masked: view.masked,
          },
        });
        return view;
      });
      return {
        table,
        columns: result.columns,
        rows: shown.rows,
        identifiers: shown.identifiers,
        masked: shown.masked,
        ...(result.lines ? { lines: result.lines } : {}),
        page,
        pageSize,
        hasMore: result.hasMore,
      };
    },
  );
}
