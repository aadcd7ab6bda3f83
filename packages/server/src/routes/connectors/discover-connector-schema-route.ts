import { catalogColumnSchema } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorParams } from '../../connectors/connector-view.js';
import { discoverConnectorSchema, discoverySampleRows } from '../../connectors/discover-connector-schema.js';
import { requestedConnector } from './open-requested-connector.js';

const schemaSchema = z.object({
  connectorId: z.string(),
  /** For CSV: data rows read per table to infer types. */
  sampleRows: z.number().int().nullable(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(catalogColumnSchema) })),
});

/**
 * GET /api/connectors/:connectorId/schema: the source's tables and columns with types (inferred from the first rows
 * of CSV files; read from PostgreSQL's catalogs), via core's catalog introspection. No values are returned.
 */
export function discoverConnectorSchemaRoute(app: FerryApp): void {
  app.get(
    '/api/connectors/:connectorId/schema',
    {
      schema: {
        tags: ['connectors'],
        summary: "Discover a connector's tables and columns",
        params: connectorParams,
        response: { 200: schemaSchema },
      },
      config: { access: 'connector.read' },
    },
    async (request) => {
      const { connector, read } = await requestedConnector(app, request, request.params.connectorId);
      const catalog = await read((opened) => discoverConnectorSchema(opened, connector.name));
      return {
        connectorId: connector.id,
        sampleRows: connector.type === 'postgres' ? null : discoverySampleRows,
        tables: catalog.tables.map((t) => ({ name: t.name, columns: t.columns })),
      };
    },
  );
}
