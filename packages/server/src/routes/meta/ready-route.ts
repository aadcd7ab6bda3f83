import { z } from 'zod';
import type { FerryApp, Platform } from '../../app-types.js';
import { appRole } from '../../db/tenant-transaction.js';

const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: z.boolean(), migrations: z.boolean(), appRole: z.boolean() }),
  problems: z.array(z.string()),
});

/** What readiness needs: the database answers, every migration is applied unchanged, the app role cannot bypass RLS. */
export async function readiness(platform: Platform): Promise<z.infer<typeof readySchema>> {
  const problems: string[] = [];
  const checks = { database: false, migrations: false, appRole: false };
  try {
    await platform.db.query('SELECT 1');
    checks.database = true;
    const status = await platform.migrator.status();
    const behind = status.filter((s) => s.state !== 'applied').map((s) => `${s.name} ${s.state}`);
    checks.migrations = behind.length === 0;
    if (behind.length) problems.push(`migrations not applied: ${behind.join(', ')} (run ferry db migrate)`);
    const [role] = await platform.db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [appRole],
    );
    checks.appRole = Boolean(role && !role.rolsuper && !role.rolbypassrls);
    if (!checks.appRole) problems.push(`role ${appRole} is missing, a superuser, or has BYPASSRLS`);
  } catch (e) {
    problems.push(`database: ${(e as Error).message}`);
  }
  return { status: problems.length ? 'not_ready' : 'ready', checks, problems };
}

/** GET /ready: readiness for traffic (503 until the database, migrations and the application role are right). */
export function readyRoute(app: FerryApp): void {
  app.get(
    '/ready',
    {
      schema: { tags: ['meta'], summary: 'Readiness', response: { 200: readySchema, 503: readySchema } },
      config: { access: 'public', rateLimit: false },
    },
    async (_request, reply) => {
      const result = await readiness(app.platform);
      return reply.status(result.status === 'ready' ? 200 : 503).send(result);
    },
  );
}
