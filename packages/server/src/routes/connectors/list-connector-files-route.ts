import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import {
  connectorFileSchema,
  connectorFiles,
  connectorFileView,
  connectorParams,
  findConnector,
} from '../../connectors/connector-view.js';

/** GET /api/connectors/:connectorId/files: the CSV extracts uploaded to a connector, by table. */
export function listConnectorFilesRoute(app: FerryApp): void {
  app.get(
    '/api/connectors/:connectorId/files',
    {
      schema: {
        tags: ['connectors'],
        summary: "A connector's uploaded files",
        params: connectorParams,
        response: { 200: z.array(connectorFileSchema) },
      },
      config: { access: 'connector.read' },
    },
    async (request) => {
      const rows = await request.tenant(async (tx) =>
        connectorFiles(tx, (await findConnector(tx, request.params.connectorId)).id),
      );
      return rows.map(connectorFileView);
    },
  );
}
