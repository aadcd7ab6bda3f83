import { readFile } from 'node:fs/promises';
import { FerryError, type SqlDatabase } from '@ferry/core';
import { buildApp } from './app.js';
import type { FerryApp } from './app-types.js';
import type { ServerConfig } from './config/server-config.js';
import { PlatformMigrator } from './db/migrations/platform-migrator.js';
import { openPlatformDatabase } from './db/platform-database.js';
import { loginPrivileges, loginProblems, requestLoginAdvice } from './db/request-login-check.js';
import { bootstrapSuperAdmin } from './identity/bootstrap-admin.js';
import { PasswordHasher } from './identity/password-hasher.js';

/** A listening server and how to stop it. */
export interface RunningServer {
  app: FerryApp;
  /** `http://host:port` it listens on. */
  url: string;
  close(): Promise<void>;
}

/**
 * On PostgreSQL, checks that the login the server serves requests with cannot sidestep row-level security: in
 * production a superuser, BYPASSRLS or table-owner login is refused; elsewhere it is allowed with a warning (returned
 * for the log). The embedded PGlite database has one user and one process, so the check does not apply to it.
 */
async function checkRequestLogin(db: SqlDatabase, config: ServerConfig): Promise<string[]> {
  if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) return [];
  const problems = loginProblems(await loginPrivileges(db));
  if (problems.length === 0) return [];
  const message = `Tenant isolation: ${problems.join('; ')}; ${requestLoginAdvice}`;
  if (config.mode === 'production') throw new FerryError('FERRY_ERR_CONFIG', message);
  return [message];
}

/** Reads the PEM certificate and key named by FERRY_TLS_CERT / FERRY_TLS_KEY; a file that cannot be read is a config error. */
export async function readTlsFiles(tls: { certFile: string; keyFile: string }): Promise<{ cert: Buffer; key: Buffer }> {
  const read = async (file: string, variable: string) => {
    try {
      return await readFile(file);
    } catch (e) {
      throw new FerryError('FERRY_ERR_CONFIG', `${variable}: cannot read ${file}`, {}, { cause: e });
    }
  };
  return { cert: await read(tls.certFile, 'FERRY_TLS_CERT'), key: await read(tls.keyFile, 'FERRY_TLS_KEY') };
}

/**
 * Opens the platform database, migrates it when FERRY_RUN_MIGRATIONS=true (otherwise refuses to start on a schema
 * that is behind), bootstraps the super admin, builds the app (and its run runner), recovers interrupted runs and
 * listens.
 *
 * @example
 * const server = await startServer(loadServerConfig(process.env));
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const https = config.tls ? await readTlsFiles(config.tls) : undefined;
  if (!/^postgres(ql)?:\/\//.test(config.databaseUrl) && !config.jobs.runInServer) {
    throw new FerryError(
      'FERRY_ERR_CONFIG',
      'Runs execute in the server on the embedded database (PGlite is single-process): --no-runner (FERRY_SERVE_RUNNER=false) needs DATABASE_URL on PostgreSQL',
    );
  }
  const db = await openPlatformDatabase(config.databaseUrl);
  try {
    const migrator = await PlatformMigrator.create(db);
    if (config.runMigrations) await migrator.migrate();
    const behind = (await migrator.status()).filter((s) => s.state !== 'applied');
    if (behind.length) {
      throw new FerryError(
        'FERRY_ERR_CONFIG',
        `The platform schema is behind (${behind.map((s) => `${s.name} ${s.state}`).join(', ')}): run ferry db migrate, or set FERRY_RUN_MIGRATIONS=true`,
      );
    }
    const loginWarnings = await checkRequestLogin(db, config);
    await bootstrapSuperAdmin(db, new PasswordHasher(config.passwordHashing), config.bootstrapAdmin, new Date());
    const app = await buildApp({ config, db, ...(https ? { https } : {}) });
    for (const warning of loginWarnings) app.log.warn(warning);
    await app.platform.jobs.recover();
    const url = await app.listen({ port: config.port, host: config.host });
    return {
      app,
      url,
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
