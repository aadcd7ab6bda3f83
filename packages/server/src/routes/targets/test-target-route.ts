import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { checkDatabaseHost } from '../../connectors/database-host.js';
import { addressKey } from '../../plugins/rate-limit-key.js';
import { targetConnectionUrl } from '../../targets/target-connection.js';
import { targetHostPolicy } from '../../targets/target-host-policy.js';
import { findTarget, targetParams } from '../../targets/target-view.js';
import { testTargetDatabase } from '../../targets/test-target.js';

const resultSchema = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
});

/**
 * POST /api/targets/:targetId/test: connects to a target database (its host checked again against what the operator
 * allows now) and checks its schema, without changing anything. Audited, with its outcome; rate-limited per address
 * (FERRY_CONNECTION_TESTS_PER_MINUTE), so that it cannot scan a network.
 */
export function testTargetRoute(app: FerryApp): void {
  app.post(
    '/api/targets/:targetId/test',
    {
      schema: {
        tags: ['targets'],
        summary: 'Test a target database',
        params: targetParams,
        response: { 200: resultSchema },
      },
      config: {
        access: 'target.manage',
        rateLimit: { max: app.platform.config.connectionTestsPerMinute, timeWindow: 60_000, keyGenerator: addressKey },
      },
    },
    async (request) => {
      const { target, url } = await request.tenant(async (tx) => {
        const found = await findTarget(tx, request.params.targetId);
        await checkDatabaseHost(await targetHostPolicy(tx, app.platform.config, found.organisation_id), {
          host: found.host,
          port: found.port,
        });
        return { target: found, url: targetConnectionUrl(found, app.platform.secrets) };
      });
      const checks = await testTargetDatabase(url, target.schema);
      const ok = checks.every((c) => c.ok);
      await request.tenant((tx) =>
        request.audit(tx, {
          organisationId: target.organisation_id,
          action: 'target.test',
          targetType: 'target_database',
          targetId: target.id,
          details: { ok, failed: checks.filter((c) => !c.ok).map((c) => c.name) },
        }),
      );
      return { ok, checks };
    },
  );
}
