import type { FerryApp } from '../../app-types.js';
import { connectorParams, connectorSchema, connectorView, findConnector } from '../../connectors/connector-view.js';

/** GET /api/connectors/:connectorId: one connector (settings and `passwordSet`, never the password). */
export function getConnectorRoute(app: FerryApp): void {
  app.get(
    '/api/connectors/:connectorId',
    {
      schema: {
        tags: ['connectors'],
        summary: 'A connector',
        params: connectorParams,
        response: { 200: connectorSchema },
      },
      config: { access: 'connector.read' },
    },
    async (request) => connectorView(await request.tenant((tx) => findConnector(tx, request.params.connectorId))),
  );
}
