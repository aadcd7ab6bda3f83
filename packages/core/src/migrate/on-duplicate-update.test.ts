import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingContract } from '../contract/contract-model.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { PostgresDatabase } from '../store/postgres-database.js';
import type { SqlDatabase } from '../store/sql-database.js';
import { contract, crosswalks, targetCatalog } from '../testing/mini-migration-fixture.js';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { targetChecksums } from '../testing/target-checksums.js';
import { CsvLoadTarget } from './csv-load-target.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import type { OnDuplicate } from './load-target.js';
import { RejectsFile } from './rejects-file.js';
import { previewRollback, rollbackJob } from './rollback-job.js';
import { type MigrationSource, runMigration } from './run-migration.js';

const pgUp = await postgresReachable();

/**
 * The mini contract with natural keys: SURNAME for LOAD_PMI (think NHS number), and the referral's own number for
 * LOAD_REFERRALS (a delta extract re-sends a referral with a corrected date).
 */
const keyed: MappingContract = {
  ...contract,
  tables: [
    { ...contract.tables[0]!, naturalKey: ['SURNAME'] },
    { ...contract.tables[1]!, naturalKey: ['RECORD_NUMBER'] },
  ],
};

type Rows = { patients: string[][]; referrals: string[][] };

const sourceOf = ({ patients, referrals }: Rows): MigrationSource => {
  const data: Record<string, string[][]> = {
    PATIENT: [['PAT_ID', 'SURNAME', 'SEX', 'REC_STATUS'], ...patients],
    REFERRAL: [['REF_ID', 'PAT_ID', 'RCVD_DT'], ...referrals],
  };
  return {
    tables: () => Object.keys(data),
    header: async (t) => data[t]![0]!,
    async *rows(t) {
      for (const [i, fields] of data[t]!.slice(1).entries()) yield { line: i + 2, fields };
    },
  };
};

async function load(db: SqlDatabase, jobId: string, rows: Rows, onDuplicate?: OnDuplicate, mode?: 'resume') {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-upd-'));
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  const report = await runMigration({
    jobId,
    contract: keyed,
    source: sourceOf(rows),
    targetCatalog,
    crosswalks,
    releaseProfile: 'pre_production',
    target: new DatabaseLoadTarget(db),
    rejects,
    onDuplicate,
    batchSize: 2,
    mode,
  });
  await rejects.close();
  return {
    report,
    pmi: report.tables[0]!,
    refs: report.tables[1]!,
    rejects: await readFile(join(dir, 'rejects.csv'), 'utf8'),
  };
}

const checksums = (db: SqlDatabase) => targetChecksums(db, ['LOAD_PMI', 'LOAD_REFERRALS']);

const pmiRows = (db: SqlDatabase) =>
  db.query<{ k: string; surname: string; gender: string | null; job: string; src: string }>(
    `SELECT "RECORD_NUMBER"::text AS k, "SURNAME" AS surname, "GENDER" AS gender, ferry_job_id AS job,
            ferry_source_key AS src FROM "LOAD_PMI" ORDER BY 1, 4`,
  );

/** Job A: three patients and two referrals, loaded without a policy. */
const jobA: Rows = {
  patients: [
    ['1', 'SMITH', 'M', 'A'],
    ['2', 'JONES', 'F', 'A'],
    ['4', 'PATEL', 'M', 'A'],
  ],
  referrals: [
    ['10', '1', '01/02/2024'],
    ['11', '2', '03/04/2024'],
  ],
};

/**
 * Job B, a delta extract: SMITH and PATEL again with new values (updates of A's rows, PATEL in a later chunk), JONES
 * under another patient number (cannot be an update: rejected), BROWN twice in one chunk and PATEL twice across chunks
 * (duplicates within the job: the last one wins), a new patient, and referral 10 with a corrected date.
 */
const jobB: Rows = {
  patients: [
    ['1', 'SMITH', 'F', 'A'],
    ['5', 'JONES', 'F', 'A'],
    ['6', 'BROWN', 'M', 'A'],
    ['6', 'BROWN', 'F', 'A'],
    ['4', 'PATEL', 'F', 'A'],
    ['7', 'GREEN', 'M', 'A'],
    ['4', 'PATEL', 'M', 'A'],
  ],
  referrals: [
    ['10', '1', '02/02/2024'],
    ['12', '6', '05/05/2024'],
  ],
};

function updateSuite(name: string, open: () => Promise<{ db: SqlDatabase; done: () => Promise<void> }>) {
  it(`${name}: updates rows holding the natural key, keeps their before-images, and a rollback restores them exactly`, async () => {
    const { db, done } = await open();
    try {
      await load(db, 'A', jobA);
      const beforeB = await checksums(db);

      const b = await load(db, 'B', jobB, 'update');
      expect(b.pmi).toMatchObject({
        read: 7,
        loaded: 6,
        inserted: 2,
        updated: 4,
        updatedWithinJob: 2,
        rejected: 1,
        rejectsByReason: { DUPLICATE_NATURAL_KEY: 1 },
        outOfScope: 0,
        duplicatesSkipped: 0,
        balanced: true,
      });
      expect(b.refs).toMatchObject({ read: 2, loaded: 2, inserted: 1, updated: 1, rejected: 0, balanced: true });
      expect(b.report.totals).toMatchObject({ inserted: 3, updated: 5, loaded: 8, rejected: 1 });
      expect(b.rejects).toContain(
        'PATIENT,5,DUPLICATE_NATURAL_KEY,SURNAME,the loaded row with this natural key has another RECORD_NUMBER: an update cannot change it,LOAD_PMI,3',
      );

      // Updated rows carry B's values and point at B's source rows; the last duplicate won.
      expect(await pmiRows(db)).toEqual([
        { k: '1', surname: 'Smith', gender: '2', job: 'B', src: '1' },
        { k: '2', surname: 'Jones', gender: '2', job: 'A', src: '2' },
        { k: '4', surname: 'Patel', gender: '1', job: 'B', src: '4' },
        { k: '6', surname: 'Brown', gender: '2', job: 'B', src: '6' },
        { k: '7', surname: 'Green', gender: '1', job: 'B', src: '7' },
      ]);
      const [ref] = await db.query<{ d: string; job: string }>(
        `SELECT "RECEIVED_DATE"::text AS d, ferry_job_id AS job FROM "LOAD_REFERRALS" WHERE "RECORD_NUMBER" = 10`,
      );
      expect(ref).toEqual({ d: '2024-02-02', job: 'B' });
      // One before-image per row of another job that B changed: patients 1 and 4, referral 10.
      const images = await db.query<{ t: string; k: string; before: string }>(
        `SELECT target_table AS t, target_key AS k, before_job_id AS before FROM ferry_row_images WHERE job_id = 'B' ORDER BY 1, 2`,
      );
      expect(images).toEqual([
        { t: 'LOAD_PMI', k: '1', before: 'A' },
        { t: 'LOAD_PMI', k: '4', before: 'A' },
        { t: 'LOAD_REFERRALS', k: '10', before: 'A' },
      ]);
      const afterB = await checksums(db);

      // A's rows are B's now: rolling A back (or rerunning it) cannot be exact, and says which job is in the way.
      await expect(rollbackJob(db, 'A')).rejects.toThrow(
        /later job B \(3 rows\) updated rows it loaded; roll it back first/,
      );
      await expect(load(db, 'A', jobA)).rejects.toThrow(/later job B/);
      expect(await checksums(db)).toEqual(afterB);

      // Rerunning B is idempotent: it first undoes its earlier attempt, then loads again.
      const again = await load(db, 'B', jobB, 'update');
      expect(again.report).toEqual(b.report);
      expect(await checksums(db)).toEqual(afterB);

      // The preview names the refusal rollbackJob gives, and the exact effect it will have, changing nothing.
      expect((await previewRollback(db, 'A')).refusal).toBe(
        'Job A cannot be undone exactly: later job B (3 rows) updated rows it loaded; roll it back first',
      );
      expect(await previewRollback(db, 'B')).toEqual({
        jobId: 'B',
        status: 'completed',
        tables: [
          { table: 'LOAD_REFERRALS', rows: 1, restored: 1 },
          { table: 'LOAD_PMI', rows: 2, restored: 2 },
        ],
        refusal: null,
      });
      expect(await checksums(db)).toEqual(afterB);
      // Rolling B back restores every updated row to its before-image and removes the rows B inserted.
      const result = await rollbackJob(db, 'B');
      expect(result.removed).toEqual([
        { table: 'LOAD_REFERRALS', rows: 1, restored: 1 },
        { table: 'LOAD_PMI', rows: 2, restored: 2 },
      ]);
      expect(await checksums(db)).toEqual(beforeB);
      expect(await db.query(`SELECT * FROM ferry_row_images`)).toEqual([]);
      // Now A can go too.
      await rollbackJob(db, 'A');
      expect(await checksums(db)).toEqual({ LOAD_PMI: '0:null', LOAD_REFERRALS: '0:null' });
    } finally {
      await db.close();
      await done();
    }
  });

  it(`${name}: a chain of updating jobs rolls back one at a time, latest first, each back to its pre-job checksums`, async () => {
    const { db, done } = await open();
    try {
      await load(db, 'A', jobA);
      const beforeB = await checksums(db);
      await load(db, 'B', { patients: [['1', 'SMITH', 'F', 'A']], referrals: [] }, 'update');
      const beforeC = await checksums(db);
      const c = await load(db, 'C', { patients: [['1', 'SMITH', 'M', 'A']], referrals: [] }, 'update');
      expect(c.pmi).toMatchObject({ inserted: 0, updated: 1, updatedWithinJob: 0 });

      await expect(rollbackJob(db, 'B')).rejects.toThrow(/later job C \(1 rows\)/);
      await rollbackJob(db, 'C');
      expect(await checksums(db)).toEqual(beforeC);
      await rollbackJob(db, 'B');
      expect(await checksums(db)).toEqual(beforeB);
    } finally {
      await db.close();
      await done();
    }
  });

  it(`${name}: a rollback restores every before-image the job holds, even of a table its record does not list`, async () => {
    const { db, done } = await open();
    try {
      await load(db, 'A', jobA);
      const beforeB = await checksums(db);
      await load(db, 'B', { patients: [['1', 'SMITH', 'F', 'A']], referrals: [] }, 'update');
      await db.query(`UPDATE ferry_jobs SET tables = '["LOAD_REFERRALS"]' WHERE job_id = 'B'`);
      const result = await rollbackJob(db, 'B');
      expect(result.removed).toEqual([
        { table: 'LOAD_REFERRALS', rows: 0, restored: 0 },
        { table: 'LOAD_PMI', rows: 0, restored: 1 },
      ]);
      expect(await checksums(db)).toEqual(beforeB);
    } finally {
      await db.close();
      await done();
    }
  });

  it(`${name}: a natural key that several loaded rows hold is rejected as ambiguous, not guessed`, async () => {
    const { db, done } = await open();
    try {
      // Without a policy, job A loads SMITH twice.
      await load(db, 'A', {
        patients: [
          ['1', 'SMITH', 'M', 'A'],
          ['2', 'SMITH', 'F', 'A'],
        ],
        referrals: [],
      });
      const b = await load(db, 'B', { patients: [['1', 'SMITH', 'F', 'A']], referrals: [] }, 'update');
      expect(b.pmi).toMatchObject({ loaded: 0, rejected: 1, rejectsByReason: { DUPLICATE_NATURAL_KEY: 1 } });
      expect(b.rejects).toContain('which one to update is ambiguous');
    } finally {
      await db.close();
      await done();
    }
  });

  it(`${name}: a resumed job keeps its policy`, async () => {
    const { db, done } = await open();
    try {
      await load(db, 'A', jobA, 'update');
      await expect(load(db, 'A', jobA, 'skip', 'resume')).rejects.toThrow(
        /Job A was started with --on-duplicate update; resume it with the same/,
      );
    } finally {
      await db.close();
      await done();
    }
  });
}

describe('--on-duplicate update', () => {
  updateSuite('PGlite', async () => ({ db: await PgliteDatabase.open(), done: async () => {} }));
  describe.runIf(pgUp)('PostgreSQL', () => {
    updateSuite('PostgreSQL', async () => {
      const schema = await createTestSchema('on_dup_update');
      return { db: await PostgresDatabase.open(schema.url), done: schema.drop };
    });
  });

  it('upgrades a target whose job table was made before natural-key policies were recorded', async () => {
    const db = await PgliteDatabase.open();
    try {
      await db.exec(`CREATE TABLE ferry_jobs (job_id text PRIMARY KEY, contract_hash text NOT NULL,
        release_profile text NOT NULL, batch_size integer NOT NULL, status text NOT NULL, tables jsonb NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`);
      await load(db, 'A', jobA, 'update');
      const [job] = await db.query(`SELECT on_duplicate FROM ferry_jobs WHERE job_id = 'A'`);
      expect(job).toEqual({ on_duplicate: 'update' });
    } finally {
      await db.close();
    }
  });

  it('is refused on a CSV target, which cannot update rows it has written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-upd-'));
    const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
    await expect(
      runMigration({
        jobId: 'A',
        contract: keyed,
        source: sourceOf(jobA),
        targetCatalog,
        crosswalks,
        releaseProfile: 'pre_production',
        target: new CsvLoadTarget(join(dir, 'load')),
        rejects,
        onDuplicate: 'update',
      }),
    ).rejects.toThrow(/--on-duplicate update needs a database target: csv:.* cannot update rows/);
    await rejects.close();
  });
});
