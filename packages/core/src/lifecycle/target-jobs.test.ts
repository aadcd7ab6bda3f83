import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseLoadTarget } from '../migrate/database-load-target.js';
import { RejectsFile } from '../migrate/rejects-file.js';
import { runMigration } from '../migrate/run-migration.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { contract, crosswalks, source, targetCatalog } from '../testing/mini-migration-fixture.js';
import { lifecycleStages } from './lifecycle-stages.js';
import type { RunRecord } from './run-record.js';
import { RunStore } from './run-store.js';
import { assertJobLive, canonicalTarget, replaceEarlierJobs, whereTheDataWent } from './target-jobs.js';

/** Loads the mini fixture as each job in turn, in one session. */
async function load(path: string, ...jobIds: string[]): Promise<void> {
  const db = await PgliteDatabase.open(path);
  const rejects = await RejectsFile.open(join(await mkdtemp(join(tmpdir(), 'ferry-tj-')), 'rejects.csv'));
  try {
    for (const jobId of jobIds) {
      await runMigration({
        jobId,
        contract,
        source,
        targetCatalog,
        crosswalks,
        releaseProfile: 'development',
        target: new DatabaseLoadTarget(db),
        rejects,
        batchSize: 2,
      });
    }
  } finally {
    await rejects.close();
    await db.close();
  }
}

function run(runId: string, target: string, jobId: string, migrated = true): RunRecord {
  return {
    version: 1,
    runId,
    startedAt: `2026-01-0${runId.slice(-1)}T00:00:00.000Z`,
    arguments: { pack: 'mini', source: { kind: 'folder', dir: '/src' }, releaseProfile: 'development', target },
    versions: { ferry: '0', node: 'v20', pack: 'mini@1' },
    sourceDir: '/src',
    jobId,
    stages: lifecycleStages.map((stage) => ({ stage, status: migrated ? 'Success' : 'NotExecuted' })),
    outcome: 'PASS',
  };
}

describe('replaceEarlierJobs', () => {
  it("rolls back the jobs earlier runs of the same lifecycle loaded into the target, and lists other lifecycles' jobs", async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ferry-tj-db-')), 'target');
    const store = new RunStore(await mkdtemp(join(tmpdir(), 'ferry-tj-out-')));
    // This lifecycle loaded JOB-A (at development, say); another lifecycle loaded JOB-X into the same target; then
    // this lifecycle is rerun (at cutover_ready: a new job id) and loads JOB-B.
    await load(path, 'JOB-A', 'JOB-X', 'JOB-B');
    await store.save(run('run-1', `pglite:${relative(process.cwd(), path)}`, 'JOB-A'));
    // A run into another target, and a run that stopped before migrate: neither names a job to replace here.
    await store.save(run('run-2', 'pglite:/elsewhere', 'JOB-E'));
    await store.save(run('run-3', `pglite:${path}`, 'JOB-N', false));
    expect(await replaceEarlierJobs(store, `pglite:${path}`, 'JOB-B')).toEqual({
      replaced: ['JOB-A'],
      others: ['JOB-X'],
    });

    const db = await PgliteDatabase.open(path);
    try {
      const rows = await db.query<{ job: string; n: number }>(
        'SELECT ferry_job_id AS job, count(*)::int AS n FROM "LOAD_PMI" GROUP BY 1 ORDER BY 1',
      );
      expect(rows).toEqual([
        { job: 'JOB-B', n: 2 },
        { job: 'JOB-X', n: 2 },
      ]);
      const jobs = await db.query<{ job_id: string; status: string }>(
        'SELECT job_id, status FROM ferry_jobs ORDER BY job_id',
      );
      expect(jobs).toEqual([
        { job_id: 'JOB-A', status: 'rolled_back' },
        { job_id: 'JOB-B', status: 'completed' },
        { job_id: 'JOB-X', status: 'completed' },
      ]);
    } finally {
      await db.close();
    }
    // A rerun that would reuse JOB-A's load (--from check after restoring its run) is refused: its rows are gone.
    await expect(assertJobLive(`pglite:${path}`, 'JOB-A', 'run-1')).rejects.toMatchObject({
      code: 'FERRY_ERR_USAGE',
      message: expect.stringMatching(
        /job JOB-A\) is no longer in .*rolled back or replaced by a later run; rerun from migrate/,
      ),
    });
    await expect(assertJobLive(`pglite:${path}`, 'JOB-B', 'run-4')).resolves.toBeUndefined();
  });

  it('has nothing to replace in a CSV target (each job rewrites its files)', async () => {
    const store = new RunStore(await mkdtemp(join(tmpdir(), 'ferry-tj-out-')));
    await store.save(run('run-1', 'csv:/tmp/load', 'JOB-A'));
    expect(await replaceEarlierJobs(store, 'csv:/tmp/load', 'JOB-B')).toEqual({ replaced: [], others: [] });
  });
});

describe('canonicalTarget and whereTheDataWent', () => {
  it('spells a pglite or csv path one way; leaves server URLs and memory as they are', () => {
    expect(canonicalTarget('pglite:.ferry/target')).toBe(`pglite:${join(process.cwd(), '.ferry/target')}`);
    expect(canonicalTarget('csv:/a/b/../c')).toBe('csv:/a/c');
    expect(canonicalTarget('pglite:memory')).toBe('pglite:memory');
    expect(canonicalTarget('postgres://h/db')).toBe('postgres://h/db');
  });

  it('says where the rows went, what they replaced, what else is there and how to start clean', () => {
    const record = {
      jobId: 'job-b',
      arguments: run('run-1', 'pglite:.ferry/target', 'job-b').arguments,
      targetJobs: { replaced: ['job-a'], others: ['job-x'] },
    };
    expect(whereTheDataWent(record)).toEqual([
      'data: job job-b in pglite:.ferry/target (replaces job-a, loaded by an earlier run of this lifecycle)',
      'the target also holds 1 other job(s) not from this lifecycle: job-x; `ferry rollback JOB --target pglite:.ferry/target` removes one',
      'start clean: ferry rollback job-b --target pglite:.ferry/target, or delete the folder .ferry/target (the whole embedded target)',
    ]);
    const onServer = {
      ...record,
      arguments: { ...record.arguments, target: 'postgres://u:secret@h/db' },
      targetJobs: undefined,
    };
    expect(whereTheDataWent(onServer)).toEqual([
      'data: job job-b in postgres://u:***@h/db',
      'start clean: ferry rollback job-b --target postgres://u:***@h/db',
    ]);
  });
});
