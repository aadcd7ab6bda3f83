import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorParams } from '../../connectors/connector-view.js';
import { testConnector } from '../../connectors/test-connector.js';
import { packNamed } from '../../packs/pack-registry.js';
import { addressKey } from '../../plugins/rate-limit-key.js';
import { findProject } from '../../tenancy/project-view.js';
import { requestedConnector } from './open-requested-connector.js';

const resultSchema = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
});

/**
 * POST /api/connectors/:connectorId/test: checks that the source can be read (files readable, encoding, header,
 * first records; or the database connection and schema) and holds the tables and columns of the project pack's source
 * catalog. Problems come back as failed checks, not as an error. The folder or host is checked against what the
 * organisation may reach now before anything is opened. Audited with its outcome and the names of the failed checks
 * (never a message, which may name a path or host detail); rate-limited per address
 * (FERRY_CONNECTION_TESTS_PER_MINUTE), so that it cannot scan a network.
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
      config: {
        access: 'connector.manage',
        // Read per request, so that the limit is the configuration's as it is now.
        rateLimit: {
          max: () => app.platform.config.connectionTestsPerMinute,
          timeWindow: 60_000,
          keyGenerator: addressKey,
        },
      },
    },
    async (request) => {
      const { connector, open, uploadDir } = await requestedConnector(app, request, request.params.connectorId);
      const project = await request.tenant((tx) => findProject(tx, connector.project_id));
      const catalog = await packNamed(app.platform.packs, project.pack).sourceCatalog();
      const checks = await testConnector(open, { uploadDir, catalog });
      const ok = checks.every((c) => c.ok);
      await request.tenant((tx) =>
        request.audit(tx, {
          organisationId: connector.organisation_id,
          action: 'connector.test',
          targetType: 'connector',
          targetId: connector.id,
          details: {
            projectId: connector.project_id,
            type: connector.type,
            ok,
            failed: checks.filter((c) => !c.ok).map((c) => c.name),
          },
        }),
      );
      return { ok, checks };
    },
  );
}
