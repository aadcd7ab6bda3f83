import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pack } from '@ferry/core';
import { buildApp } from '../app.js';
import type { FerryApp } from '../app-types.js';
import type { ServerConfig } from '../config/server-config.js';
import { loadTestConfig } from '../config/test-config.js';
import type { TestDatabase, TestDialect } from './test-database.js';

/** An app on a migrated test database, with a temporary data folder. */
export interface TestApp {
  app: FerryApp;
  database: TestDatabase;
  config: ServerConfig;
  close(): Promise<void>;
}

/**
 * Builds the app on a fresh, migrated database of the dialect (no port is opened: use `app.inject()`).
 *
 * @example
 * const t = await createTestApp(dialect);
 * await t.app.inject({ method: 'GET', url: '/health' });
 */
export async function createTestApp(
  dialect: TestDialect,
  options: {
    config?: Partial<ServerConfig>;
    packs?: ReadonlyMap<string, Pack>;
    now?: () => Date;
    migrated?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await dialect.open({ migrated: options.migrated ?? true });
  const dataDir = await mkdtemp(join(tmpdir(), 'ferry-server-'));
  const config = loadTestConfig({ dataDir, databaseUrl: database.url, ...options.config });
  const app = await buildApp({ config, db: database.db, packs: options.packs, now: options.now });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
