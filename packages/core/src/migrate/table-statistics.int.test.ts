import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../store/pglite-database.js';
import { PostgresDatabase } from '../store/postgres-database.js';
import type { SqlDatabase } from '../store/sql-database.js';
import { contract, crosswalks, source, targetCatalog } from '../testing/mini-migration-fixture.js';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { runMigration } from './run-migration.js';

const pgUp = await postgresReachable();

async function migrate(db: SqlDatabase): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-stats-'));
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  await runMigration({
    jobId: 'J1',
    contract,
    source,
    targetCatalog,
    crosswalks,
    releaseProfile: 'pre_production',
    target: new DatabaseLoadTarget(db),
    rejects,
    batchSize: 2,
  });
  await rejects.close();
}

/** The planner's row estimate of each loaded table: -1 until the table was first analysed (PostgreSQL 14 on). */
async function plannerRows(db: SqlDatabase): Promise<Record<string, number>> {
  const rows = await db.query<{ relname: string; reltuples: number }>(
    `SELECT c.relname, c.reltuples::float8 AS reltuples FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relname IN ('LOAD_PMI', 'LOAD_REFERRALS')
      ORDER BY c.relname`,
  );
  return Object.fromEntries(rows.map((r) => [r.relname, Number(r.reltuples)]));
}

describe('planner statistics after a load', () => {
  it('PGlite: every loaded table is analysed, its row estimate the rows it holds', async () => {
    const db = await PgliteDatabase.open();
    try {
      await migrate(db);
      // The mini migration loads 2 patients and 2 referrals (the others are rejected or out of scope).
      expect(await plannerRows(db)).toEqual({ LOAD_PMI: 2, LOAD_REFERRALS: 2 });
    } finally {
      await db.close();
    }
  });

  it.runIf(pgUp)('PostgreSQL: every loaded table has last_analyze set and its row estimate', async () => {
    const schema = await createTestSchema('load_statistics');
    const db = await PostgresDatabase.open(schema.url, { max: 2 });
    try {
      await migrate(db);
      expect(await plannerRows(db)).toEqual({ LOAD_PMI: 2, LOAD_REFERRALS: 2 });
      const analysed = await db.query<{ relname: string; analysed: boolean }>(
        `SELECT relname, last_analyze IS NOT NULL AS analysed FROM pg_stat_user_tables
          WHERE schemaname = current_schema() AND relname IN ('LOAD_PMI', 'LOAD_REFERRALS') ORDER BY relname`,
      );
      expect(analysed).toEqual([
        { relname: 'LOAD_PMI', analysed: true },
        { relname: 'LOAD_REFERRALS', analysed: true },
      ]);
    } finally {
      await db.close();
      await schema.drop();
    }
  });
});
