import { createTestSchema, PostgresDatabase, postgresReachable, type SqlDatabase, testDatabaseUrl } from '@ferry/core';
import { describe } from 'vitest';
import { readMigrationFiles } from '../db/migrations/migration-files.js';
import { PlatformMigrator } from '../db/migrations/platform-migrator.js';
import { pgliteFromTemplate } from './pglite-template.js';

/** A database for one test: a file-backed PGlite in a temporary folder, or a fresh schema on the test server. */
export interface TestDatabase {
  db: SqlDatabase;
  /** A URL that opens the same database (`pglite:DIR` or `postgres://...` with the schema on its search_path). */
  url: string;
  /**
   * On PostgreSQL: a database of this test's own for the graphile-worker queue (dropped with it). Its own database,
   * not a schema: graphile-worker announces a new queue schema's migrations on a database-wide channel, and its
   * workers on other schemas of that database shut down when they hear of a breaking one.
   */
  queueUrl?: string;
  drop(): Promise<void>;
}

export interface TestDialect {
  name: 'pglite' | 'postgres';
  /** An empty database, or one with every platform migration applied. */
  open(options?: { migrated?: boolean }): Promise<TestDatabase>;
}

async function migrate(db: SqlDatabase): Promise<void> {
  await (await PlatformMigrator.create(db)).migrate();
}

async function migrationsKey(): Promise<string> {
  return (await readMigrationFiles()).map((m) => `${m.name}:${m.checksum}`).join('\n');
}

/** Creates an empty database on the test server, for a graphile-worker queue; `drop` removes it. */
export async function createQueueDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = await PostgresDatabase.open(testDatabaseUrl, { max: 1 });
  try {
    await admin.exec(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.close();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await PostgresDatabase.open(testDatabaseUrl, { max: 1 });
      await c.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.close();
    },
  };
}

export const pgliteDialect: TestDialect = {
  name: 'pglite',
  async open(options = {}) {
    const { db, dir, drop } = options.migrated
      ? await pgliteFromTemplate(`migrated\n${await migrationsKey()}`, migrate)
      : await pgliteFromTemplate('empty', async () => {});
    return { db, url: `pglite:${dir}`, drop };
  },
};

export const postgresDialect: TestDialect = {
  name: 'postgres',
  async open(options = {}) {
    const schema = await createTestSchema('ferry_srv');
    const db = await PostgresDatabase.open(schema.url, { max: 6 });
    if (options.migrated) await migrate(db);
    const queue = await createQueueDatabase(`${schema.schema}_q`);
    return {
      db,
      url: schema.url,
      queueUrl: queue.url,
      drop: async () => {
        await db.close();
        await schema.drop();
        await queue.drop();
      },
    };
  },
};

/** Runs a suite on PGlite and, when the test server answers, on PostgreSQL (under CI=true it must answer). */
export async function describeEachDialect(title: string, suite: (dialect: TestDialect) => void): Promise<void> {
  const pgUp = await postgresReachable();
  for (const dialect of [pgliteDialect, postgresDialect]) {
    describe.runIf(dialect === pgliteDialect || pgUp)(`${title} [${dialect.name}]`, () => suite(dialect));
  }
}
