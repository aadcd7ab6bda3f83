import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../store/pglite-database.js';
import { PostgresDatabase } from '../store/postgres-database.js';
import type { SqlDatabase } from '../store/sql-database.js';
import { contract, crosswalks, source, targetCatalog } from '../testing/mini-migration-fixture.js';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { targetChecksums } from '../testing/target-checksums.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { previewRollback, rollbackJob } from './rollback-job.js';
import { runMigration } from './run-migration.js';

const pgUp = await postgresReachable();

async function load(db: SqlDatabase, jobId: string) {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-rb-'));
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  const target = new DatabaseLoadTarget(db);
  await runMigration({
    jobId,
    contract,
    source,
    targetCatalog,
    crosswalks,
    releaseProfile: 'pre_production',
    target,
    rejects,
    batchSize: 2,
  });
  await rejects.close();
}

/** A checksum of every target table's whole content, lineage included. */
const checksums = (db: SqlDatabase) => targetChecksums(db, ['LOAD_PMI', 'LOAD_REFERRALS']);

function rollbackSuite(name: string, open: () => Promise<{ db: SqlDatabase; done: () => Promise<void> }>) {
  it(`${name}: removes exactly one job's rows and the target returns to its pre-job checksums`, async () => {
    const { db, done } = await open();
    try {
      // First job A loads; then job B loads on top of it.
      await load(db, 'JOB-A');
      const beforeB = await checksums(db);
      await load(db, 'JOB-B');
      expect(await checksums(db)).not.toEqual(beforeB);

      const preview = await previewRollback(db, 'JOB-B');
      expect(preview).toEqual({
        jobId: 'JOB-B',
        status: 'completed',
        tables: [
          { table: 'LOAD_REFERRALS', rows: 2, restored: 0 },
          { table: 'LOAD_PMI', rows: 2, restored: 0 },
        ],
        refusal: null,
      });
      const result = await rollbackJob(db, 'JOB-B');
      expect(result.removed).toEqual([
        { table: 'LOAD_REFERRALS', rows: 2, restored: 0 },
        { table: 'LOAD_PMI', rows: 2, restored: 0 },
      ]);
      expect(await checksums(db)).toEqual(beforeB);
      const [job] = await db.query<{ status: string }>(`SELECT status FROM ferry_jobs WHERE job_id = 'JOB-B'`);
      expect(job).toEqual({ status: 'rolled_back' });
      const events = await db.query<{ event: string }>(`SELECT event FROM ferry_job_events WHERE job_id = 'JOB-B'`);
      expect(events).toEqual([{ event: 'rolled_back' }]);
      await expect(rollbackJob(db, 'JOB-B')).rejects.toThrow(/already rolled back/);
      expect(await previewRollback(db, 'JOB-B')).toMatchObject({
        status: 'rolled_back',
        refusal: 'Job JOB-B is already rolled back',
      });
      await expect(previewRollback(db, 'JOB-X')).rejects.toThrow(/No job JOB-X/);
      await expect(rollbackJob(db, 'JOB-X')).rejects.toThrow(/No job JOB-X/);
    } finally {
      await db.close();
      await done();
    }
  });
}

describe('rollbackJob', () => {
  rollbackSuite('PGlite', async () => ({ db: await PgliteDatabase.open(), done: async () => {} }));
  describe.runIf(pgUp)('PostgreSQL', () => {
    rollbackSuite('PostgreSQL', async () => {
      const schema = await createTestSchema('rollback');
      return { db: await PostgresDatabase.open(schema.url), done: schema.drop };
    });
  });
});
