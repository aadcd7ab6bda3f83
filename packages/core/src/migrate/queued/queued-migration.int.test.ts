import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSourceConnector } from '../../connectors/csv/csv-source-connector.js';
import { formatCsvRow } from '../../connectors/csv/csv-writer.js';
import { sourceFingerprint } from '../../provenance/source-fingerprint.js';
import { addQueueJobs } from '../../queue/add-queue-jobs.js';
import { type QueueRunner, startQueueRunner } from '../../queue/start-queue-runner.js';
import { PostgresDatabase } from '../../store/postgres-database.js';
import { contract, crosswalkSet, crosswalks, data, targetCatalog } from '../../testing/mini-migration-fixture.js';
import { createTestSchema, postgresReachable } from '../../testing/postgres-test-env.js';
import { DatabaseLoadTarget } from '../database-load-target.js';
import { RejectsFile } from '../rejects-file.js';
import { rollbackJob } from '../rollback-job.js';
import { runMigration } from '../run-migration.js';
import { chunkJobKeyPrefix, chunkJobSpec } from './chunk-job.js';
import { type ChunkEvent, chunkWorkerTasks } from './chunk-worker-tasks.js';
import { planQueuedMigration } from './plan-queued-migration.js';
import { waitForQueuedJob } from './wait-for-queued-job.js';

/**
 * Queued loads against the real PostgreSQL: runners in this process stand in for `ferry worker` processes (the CLI
 * test spawns and kills real ones). Every queued result is compared with the in-process load of the same files.
 */
const pgUp = await postgresReachable();

async function writeSource(tables: Record<string, string[][]>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-queued-'));
  for (const [name, rows] of Object.entries(tables)) {
    await writeFile(join(dir, `${name}.csv`), rows.map(formatCsvRow).join(''));
  }
  return dir;
}

/** Every LOAD row of a job with its lineage, and its rejects, in a stable order. */
async function contents(db: PostgresDatabase, jobId: string) {
  const pmi = await db.query(
    `SELECT "RECORD_NUMBER"::text AS k, "SURNAME" AS s, "GENDER" AS g, ferry_source_key AS src FROM "LOAD_PMI" WHERE ferry_job_id = $1 ORDER BY 1`,
    [jobId],
  );
  const referrals = await db.query(
    `SELECT "RECORD_NUMBER"::text AS k, "LOADPMI_RECORD_NUMBER"::text AS p, "RECEIVED_DATE"::text AS d, ferry_source_key AS src FROM "LOAD_REFERRALS" WHERE ferry_job_id = $1 ORDER BY 1`,
    [jobId],
  );
  const rejects = await db.query(
    'SELECT target_table, source_key, reason_code FROM ferry_rejects WHERE job_id = $1 ORDER BY 1, 2, 3',
    [jobId],
  );
  return { pmi, referrals, rejects };
}

async function inProcess(url: string, dir: string, jobId: string, batchSize: number) {
  const db = await PostgresDatabase.open(url);
  const rejects = await RejectsFile.open(join(await mkdtemp(join(tmpdir(), 'ferry-queued-out-')), 'rejects.csv'));
  try {
    const source = await CsvSourceConnector.open(dir);
    const report = await runMigration({
      jobId,
      contract,
      source,
      // As the CLI loads: the report names the source files' fingerprint, as the queued job's does.
      sourceFingerprint: await sourceFingerprint(source),
      targetCatalog,
      crosswalks,
      releaseProfile: 'pre_production',
      target: new DatabaseLoadTarget(db),
      rejects,
      batchSize,
    });
    return { report, contents: await contents(db, jobId) };
  } finally {
    await rejects.close();
    await db.close();
  }
}

async function runners(url: string, schema: string, n: number, events: ChunkEvent[][]): Promise<QueueRunner[]> {
  const out: QueueRunner[] = [];
  for (let i = 0; i < n; i++) {
    const db = await PostgresDatabase.open(url);
    const seen: ChunkEvent[] = [];
    events.push(seen);
    const runner = await startQueueRunner({
      connectionString: url,
      schema,
      concurrency: 2,
      pollIntervalMs: 200,
      tasks: chunkWorkerTasks(db, { onChunk: (e) => seen.push(e) }),
    });
    out.push({ done: runner.done, stop: () => runner.stop().finally(() => db.close()) });
  }
  return out;
}

describe.runIf(pgUp)('queued migration (graphile-worker)', () => {
  it('two runners share a job: the target holds exactly what an in-process load gives; queueing again changes nothing', {
    timeout: 60_000,
  }, async () => {
    const dir = await writeSource(data);
    const ref = await createTestSchema('queued_ref');
    const target = await createTestSchema('queued_run');
    const queueSchema = `${target.schema}_q`;
    const db = await PostgresDatabase.open(target.url);
    const events: ChunkEvent[][] = [];
    let workers: QueueRunner[] = [];
    try {
      const want = await inProcess(ref.url, dir, 'J1', 1);

      // One chunk per source row: 5 patients, then 4 referrals once every patient chunk has committed.
      const { plan, queued } = await planQueuedMigration({
        jobId: 'J1',
        contract,
        sourcePath: dir,
        targetCatalog,
        crosswalks: crosswalkSet,
        releaseProfile: 'pre_production',
        db,
        queue: { connectionString: target.url, schema: queueSchema },
        batchSize: 1,
      });
      expect(plan.tables.map((t) => [t.target, t.rows, t.chunks])).toEqual([
        ['LOAD_PMI', 5, 5],
        ['LOAD_REFERRALS', 4, 4],
      ]);
      expect(queued).toBe(5);
      workers = await runners(target.url, queueSchema, 2, events);
      const report = await waitForQueuedJob(db, plan, { pollMs: 100 });

      expect(report).toEqual(want.report);
      expect(report.balanced).toBe(true);
      expect(await contents(db, 'J1')).toEqual(want.contents);
      const loaded = events.flat().filter((e) => e.outcome === 'loaded');
      expect(loaded).toHaveLength(9);
      const [job] = await db.query<{ status: string }>("SELECT status FROM ferry_jobs WHERE job_id = 'J1'");
      expect(job?.status).toBe('completed');

      // Queueing committed chunks again (a retry, a second `migrate --queue --resume`) loads nothing twice.
      await addQueueJobs(db, queueSchema, [chunkJobSpec(plan, 0, 0), chunkJobSpec(plan, 1, 3)]);
      const again = await planQueuedMigration({
        jobId: 'J1',
        contract,
        sourcePath: dir,
        targetCatalog,
        crosswalks: crosswalkSet,
        releaseProfile: 'pre_production',
        db,
        queue: { connectionString: target.url, schema: queueSchema },
        batchSize: 1,
        mode: 'resume',
      });
      expect(again.queued).toBe(0);
      expect(again.plan.planId).toBe(plan.planId);
      for (let i = 0; i < 100; i++) {
        const [left] = await db.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM "${queueSchema}".jobs WHERE key LIKE $1`,
          [`${chunkJobKeyPrefix('J1')}%`],
        );
        if (left?.n === '0') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(events.flat().filter((e) => e.outcome === 'already_committed')).toHaveLength(2);
      expect(await contents(db, 'J1')).toEqual(want.contents);
      expect(await waitForQueuedJob(db, again.plan)).toEqual(want.report);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await db.query(`DROP SCHEMA IF EXISTS "${queueSchema}" CASCADE`).catch(() => {});
      await db.close();
      await ref.drop();
      await target.drop();
    }
  });

  it('chunks committing in any order still load each target key and natural key once; the rest are rejected', {
    timeout: 60_000,
  }, async () => {
    // Patient 1 twice (a target key), and "Smith" twice (the natural key of this contract), in separate chunks.
    const dir = await writeSource({
      PATIENT: [
        ['PAT_ID', 'SURNAME', 'SEX', 'REC_STATUS'],
        ['1', 'SMITH', 'M', 'A'],
        ['2', 'JONES', 'F', 'A'],
        ['1', 'SMYTHE', 'M', 'A'],
        ['3', 'SMITH', 'F', 'A'],
        ['4', 'BROWN', 'M', 'A'],
        ['5', 'GREEN', 'F', 'A'],
      ],
    });
    const pmiOnly = { ...contract, tables: [{ ...contract.tables[0]!, naturalKey: ['SURNAME'] }] };
    const target = await createTestSchema('queued_dups');
    const queueSchema = `${target.schema}_q`;
    const db = await PostgresDatabase.open(target.url);
    let workers: QueueRunner[] = [];
    try {
      const options = {
        jobId: 'J2',
        contract: pmiOnly,
        sourcePath: dir,
        targetCatalog,
        crosswalks: crosswalkSet,
        releaseProfile: 'pre_production' as const,
        db,
        queue: { connectionString: target.url, schema: queueSchema },
        batchSize: 1,
      };
      await expect(planQueuedMigration({ ...options, onDuplicate: 'update' })).rejects.toThrow(/cannot be queued/);
      const { plan } = await planQueuedMigration({ ...options, onDuplicate: 'reject' });
      workers = await runners(target.url, queueSchema, 2, []);
      const report = await waitForQueuedJob(db, plan, { pollMs: 100 });

      const rows = await db.query<{ k: string; s: string }>(
        `SELECT "RECORD_NUMBER"::text AS k, "SURNAME" AS s FROM "LOAD_PMI" WHERE ferry_job_id = 'J2'`,
      );
      const rejects = await db.query<{ reason_code: string }>(
        "SELECT reason_code FROM ferry_rejects WHERE job_id = 'J2'",
      );
      const [pmi] = report.tables;
      expect(pmi?.read).toBe(6);
      expect(pmi?.loaded).toBe(rows.length);
      expect(pmi?.rejected).toBe(rejects.length);
      expect(rows.length + rejects.length).toBe(6);
      expect(report.balanced).toBe(true);
      // Whichever chunk committed first won, and no key or natural key loaded twice. If the first (1, Smith) won, the
      // other 1 and the other Smith lost (two rejects); if either of those won, only (1, Smith) lost (one reject).
      expect(new Set(rows.map((r) => r.k)).size).toBe(rows.length);
      expect(new Set(rows.map((r) => r.s)).size).toBe(rows.length);
      expect([1, 2]).toContain(rejects.length);
      for (const r of rejects) expect(['DUPLICATE_KEY', 'DUPLICATE_NATURAL_KEY']).toContain(r.reason_code);
      expect(rows.map((r) => r.k)).toEqual(expect.arrayContaining(['2', '4', '5']));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await db.query(`DROP SCHEMA IF EXISTS "${queueSchema}" CASCADE`).catch(() => {});
      await db.close();
      await target.drop();
    }
  });

  it('chunks of a job rolled back before they ran do nothing, and waiting for it fails', {
    timeout: 60_000,
  }, async () => {
    const dir = await writeSource(data);
    const target = await createTestSchema('queued_rollback');
    const queueSchema = `${target.schema}_q`;
    const db = await PostgresDatabase.open(target.url);
    const events: ChunkEvent[][] = [];
    let workers: QueueRunner[] = [];
    try {
      const { plan, queued } = await planQueuedMigration({
        jobId: 'J3',
        contract,
        sourcePath: dir,
        targetCatalog,
        crosswalks: crosswalkSet,
        releaseProfile: 'pre_production',
        db,
        queue: { connectionString: target.url, schema: queueSchema },
        batchSize: 2,
      });
      expect(queued).toBe(3);
      await rollbackJob(db, 'J3');
      workers = await runners(target.url, queueSchema, 1, events);
      for (let i = 0; i < 100 && events.flat().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(events.flat().map((e) => e.outcome)).toEqual(['superseded', 'superseded', 'superseded']);
      const [rows] = await db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "LOAD_PMI" WHERE ferry_job_id = 'J3'`,
      );
      expect(rows?.n).toBe('0');
      await expect(waitForQueuedJob(db, plan)).rejects.toThrow(/rolled back/);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await db.query(`DROP SCHEMA IF EXISTS "${queueSchema}" CASCADE`).catch(() => {});
      await db.close();
      await target.drop();
    }
  });
});
