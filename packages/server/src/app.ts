import { randomUUID } from 'node:crypto';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import type { Pack, SqlDatabase } from '@ferry/core';
import Fastify from 'fastify';
import { Counter } from 'prom-client';
import type { FerryApp, Platform, RouteEntry } from './app-types.js';
import { startAuditCheckpoints } from './audit/audit-checkpointer.js';
import type { ServerConfig } from './config/server-config.js';
import { PlatformMigrator } from './db/migrations/platform-migrator.js';
import { DatabaseThrottleStore } from './identity/database-throttle-store.js';
import { LoginThrottle } from './identity/login-throttle.js';
import { PasswordHasher } from './identity/password-hasher.js';
import { SecretBox } from './identity/secret-box.js';
import { openRunServices } from './jobs/run-runner-factory.js';
import { defaultPacks } from './packs/pack-registry.js';
import { authPlugin } from './plugins/auth-plugin.js';
import { docsPlugin } from './plugins/docs-plugin.js';
import { errorHandlerPlugin } from './plugins/error-handler-plugin.js';
import { metricsPlugin } from './plugins/metrics-plugin.js';
import { requestTextPlugin } from './plugins/request-text-plugin.js';
import { securityPlugin } from './plugins/security-plugin.js';
import { registerRoutes } from './routes/index.js';
import { webUiPlugin } from './web/web-ui-plugin.js';

/** What the app is built from. The database is opened (and migrated) by the caller. */
export interface AppOptions {
  config: ServerConfig;
  db: SqlDatabase;
  packs?: ReadonlyMap<string, Pack>;
  now?: () => Date;
  /** PEM certificate and key: the app serves HTTPS (see `readTlsFiles`). */
  https?: { cert: Buffer; key: Buffer };
}

/**
 * Builds the Fastify app: plugins (errors, security headers and limits, OpenAPI docs, metrics, authentication) and
 * every route. It does not listen: `server.ts` does, and tests call `app.inject()`.
 *
 * @example
 * const app = await buildApp({ config: loadTestConfig(), db });
 * const res = await app.inject({ method: 'GET', url: '/health' });
 */
export async function buildApp(options: AppOptions): Promise<FerryApp> {
  const { config, db } = options;
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    logger: {
      level: config.logLevel,
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
    },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // An HTTPS server answers the same requests: the app's type is the HTTP one's (the routes never touch the socket).
  }).withTypeProvider<ZodTypeProvider>() as unknown as FerryApp;
  // Every answer names its request, so a caller can quote it and find it in the audit trail and the logs.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const now = options.now ?? (() => new Date());
  const packs = options.packs ?? defaultPacks();
  let countRun: (status: string, outcome: string | null) => void = () => {};
  const runs = await openRunServices({
    config,
    db,
    packs,
    now,
    work: config.jobs.runInServer,
    log: app.log,
    onFinished: (status, outcome) => countRun(status, outcome),
  });
  const checkpoints = startAuditCheckpoints(db, config.auditAnchors, app.log, now);
  app.addHook('onClose', async () => {
    await runs.close();
    await checkpoints.close();
  });
  const platform: Platform = {
    config,
    db,
    hasher: new PasswordHasher(config.passwordHashing),
    secrets: new SecretBox(config.secretKey),
    packs,
    migrator: await PlatformMigrator.create(db),
    jobs: runs.runner,
    runEvents: runs.feed,
    now,
    loginThrottle: new LoginThrottle(config.login, new DatabaseThrottleStore(db)),
  };
  app.decorate('platform', platform);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });
  await app.register(errorHandlerPlugin);
  await app.register(requestTextPlugin);
  await app.register(securityPlugin);
  await app.register(docsPlugin);
  await app.register(metricsPlugin);
  const runCounter = new Counter({
    name: 'ferry_runs_total',
    help: 'Finished lifecycle runs by status and outcome',
    labelNames: ['status', 'outcome'] as const,
    registers: [app.metrics],
  });
  countRun = (status, outcome) => runCounter.inc({ status, outcome: outcome ?? 'none' });

  await app.register(authPlugin);
  await registerRoutes(app);
  await app.register(webUiPlugin);
  return app;
}
