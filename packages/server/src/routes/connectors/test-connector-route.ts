import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorParams } from '../../connectors/connector-view.js';
import { testConnector } from '../../connectors/test-connector.js';
import { requestedConnector } from './open-requested-connector.js';

const resultSchema = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
});

/**
 * POST /api/connectors/:connectorId/test: checks that the source can be read (files readable, encoding, header,
 * first records; or the database connection and schema). Problems come back as failed checks, not as an error.
 */
export function testConnectorRoute(app: FerryApp): void {
  app.post(
    '/api/connectors/:connectorId/test',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Test a connector',
        params: connectorParams,
        response: { 200: resultSchema },
      },
      config: { access: 'connector.manage' },
    },
    async (request) => {
      const { open, uploadDir } = await requestedConnector(app, request, request.params.connectorId);
      const checks = await testConnector(open, uploadDir);
      return { ok: checks.every((c) => c.ok), checks };
    },
  );
}
