import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDigests } from '../testing/load-digests.js';

/**
 * Scale-out, tested with real processes: `ferry worker` processes share a job queued by `ferry migrate --queue`, and
 * one is killed with SIGKILL while it holds a chunk. Each time the target must equal the in-process load of the same
 * job, row for row (lineage included), with the same report and rejects. The spawned CLI is the built one.
 */
const pgUp = await postgresReachable();
const ferryBin = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));
// Seven tables, parents before children (PMI, addresses, contacts, then the RTT chain), to keep the test short.
const tables = [
  'LOAD_PMI',
  'LOAD_PMIADDRS',
  'LOAD_PMICONTACTS',
  'LOAD_REFERRALS',
  'LOAD_RTT_PATHWAYS',
  'LOAD_RTT_PERIODS',
  'LOAD_RTT_EVENTS',
];
const jobId = 'job-scale-out';
const batchSize = 30;

interface Proc {
  child: ChildProcess;
  done: Promise<number | null>;
  output: () => string;
}

function ferry(args: string[]): Proc {
  const child = spawn(process.execPath, [ferryBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, output: () => output };
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts a worker and waits until it is up. */
async function worker(url: string, queueSchema: string, extra: string[] = []): Promise<Proc> {
  const p = ferry(['worker', '--database', url, '--queue-schema', queueSchema, '--poll-interval', '200', ...extra]);
  await until('the worker to start', async () => (p.output().includes('ferry worker on') ? true : undefined));
  return p;
}

describe.runIf(pgUp)('ferry worker (graphile-worker scale-out)', () => {
  let dir: string;
  let common: string[];
  let want: Record<string, string>;
  let ref: Awaited<ReturnType<typeof createTestSchema>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-workers-'));
    await nhsPasPack.generate({ patients: 100, seed: 7, defects: 'typical', outDir: dir });
    const contract = await nhsPasPack.contract();
    contract.tables = contract.tables.filter((t) => tables.includes(t.target));
    await writeFile(join(dir, 'contract.json'), JSON.stringify(contract));
    common = ['--pack', 'nhs-pas', '--contract', join(dir, 'contract.json'), '--source', `csv:${join(dir, 'source')}`];
    common.push('--job', jobId, '--batch-size', String(batchSize), '--json');
    // The reference: the same job loaded in-process.
    ref = await createTestSchema('workers_ref');
    expect(await ferry(['migrate', ...common, '--target', ref.url, '--out', join(dir, 'ref')]).done).toBe(0);
    want = await loadDigests(ref.url, jobId);
  }, 120_000);

  afterAll(async () => {
    await ref?.drop();
  });

  const report = async (d: string) => JSON.parse(await readFile(join(dir, d, 'migration_report.json'), 'utf8'));

  it('two worker processes share a job: exactly the rows of an in-process load; queueing it again changes nothing', {
    timeout: 180_000,
  }, async () => {
    const target = await createTestSchema('workers_two');
    const queue = `${target.schema}_q`;
    const workers: Proc[] = [];
    try {
      workers.push(await worker(target.url, queue), await worker(target.url, queue));
      const started = performance.now();
      const run = ferry([
        'migrate',
        ...common,
        '--target',
        target.url,
        '--queue',
        '--queue-schema',
        queue,
        '--out',
        join(dir, 'two'),
      ]);
      expect(await run.done, run.output()).toBe(0);
      const ms = performance.now() - started;

      expect(await loadDigests(target.url, jobId)).toEqual(want);
      expect((await report('two')).tables).toEqual((await report('ref')).tables);
      expect(await readFile(join(dir, 'two', 'rejects.csv'), 'utf8')).toBe(
        await readFile(join(dir, 'ref', 'rejects.csv'), 'utf8'),
      );
      // Both workers loaded chunks.
      const loadedBy = workers.map((w) => w.output().match(/: loaded \(/g)?.length ?? 0);
      expect(
        loadedBy.every((n) => n > 0),
        `chunks loaded per worker: ${loadedBy}`,
      ).toBe(true);
      const chunks = (await report('two')).tables.reduce(
        (n: number, t: { read: number }) => n + Math.ceil(t.read / batchSize),
        0,
      );
      expect(loadedBy[0]! + loadedBy[1]!).toBe(chunks);
      process.stderr.write(`[scale-out] ${chunks} chunks by two workers (${loadedBy}) in ${Math.round(ms)} ms\n`);

      // Queueing the finished job again (resume) loads nothing twice and reports the same.
      const again = ferry([
        'migrate',
        ...common,
        '--target',
        target.url,
        '--queue',
        '--queue-schema',
        queue,
        '--resume',
        jobId,
        '--out',
        join(dir, 'again'),
      ]);
      expect(await again.done, again.output()).toBe(0);
      expect(await loadDigests(target.url, jobId)).toEqual(want);
      expect((await report('again')).tables).toEqual((await report('ref')).tables);
    } finally {
      for (const w of workers) w.child.kill('SIGTERM');
      expect(await Promise.all(workers.map((w) => w.done))).toEqual([0, 0]);
      await target.drop();
      await dropSchema(queue);
    }
  });

  it('a worker killed with SIGKILL while it holds a chunk loses nothing: another worker finishes the job', {
    timeout: 180_000,
  }, async () => {
    const target = await createTestSchema('workers_kill');
    const queue = `${target.schema}_q`;
    const db = await PostgresDatabase.open(target.url);
    let a: Proc | undefined;
    let b: Proc | undefined;
    try {
      a = await worker(target.url, queue);
      const run = ferry([
        'migrate',
        ...common,
        '--target',
        target.url,
        '--queue',
        '--queue-schema',
        queue,
        '--out',
        join(dir, 'kill'),
      ]);
      // Some chunks in, and one in A's hands: kill A there. A may finish that chunk just before the signal lands;
      // then another A is started and killed, until one dies holding a chunk.
      let held: string | undefined;
      let committedAtKill = 0;
      for (let attempt = 0; attempt < 5 && !held; attempt++) {
        if (attempt > 0) a = await worker(target.url, queue);
        const worker_ = a;
        await until('worker A to hold a chunk', async () => {
          const [n] = await db
            .query<{ n: string }>('SELECT count(*)::text AS n FROM ferry_job_chunks WHERE job_id = $1', [jobId])
            .catch(() => [{ n: '0' }]);
          if (Number(n?.n) < 5 * (attempt + 1)) return undefined;
          const [job] = await db.query<{ key: string }>(
            `SELECT key FROM "${queue}".jobs WHERE locked_by IS NOT NULL LIMIT 1`,
          );
          return job?.key;
        });
        worker_.child.kill('SIGKILL');
        expect(await worker_.done).toBe(null);
        const [job] = await db.query<{ key: string }>(
          `SELECT key FROM "${queue}".jobs WHERE locked_by IS NOT NULL LIMIT 1`,
        );
        held = job?.key;
        const [n] = await db.query<{ n: string }>(
          'SELECT count(*)::text AS n FROM ferry_job_chunks WHERE job_id = $1',
          [jobId],
        );
        committedAtKill = Number(n?.n);
      }
      if (!held) throw new Error('no worker A died holding a chunk in 5 attempts');
      const total = (await report('ref')).tables.reduce(
        (n: number, t: { read: number }) => n + Math.ceil(t.read / batchSize),
        0,
      );
      expect(committedAtKill, 'the job was killed before it finished').toBeLessThan(total);

      // B takes a worker silent for 2 s for dead, frees its chunk, and finishes the job.
      b = await worker(target.url, queue, ['--stale-after', '2']);
      expect(await run.done, run.output()).toBe(0);
      expect(await loadDigests(target.url, jobId)).toEqual(want);
      expect((await report('kill')).tables).toEqual((await report('ref')).tables);
      const [, table, chunk] = held!.slice(held.indexOf(jobId) + jobId.length).split(':');
      // The run ends when the chunk's rows are committed; B reports the chunk a moment later, once graphile-worker
      // has marked the job done.
      const line = new RegExp(`table ${table} chunk ${chunk}: (loaded|already committed)`);
      await until(
        'worker B to report the freed chunk',
        async () => (line.test(b!.output()) ? true : undefined),
        20_000,
      );
    } finally {
      a?.child.kill('SIGKILL');
      b?.child.kill('SIGTERM');
      await b?.done;
      await db.close();
      await target.drop();
      await dropSchema(queue);
    }
  });

  it('--no-wait queues and returns; the workers alone complete the job and record its report', {
    timeout: 180_000,
  }, async () => {
    const target = await createTestSchema('workers_nowait');
    const queue = `${target.schema}_q`;
    const db = await PostgresDatabase.open(target.url);
    let w: Proc | undefined;
    try {
      const queued = ferry([
        'migrate',
        ...common,
        '--target',
        target.url,
        '--queue',
        '--queue-schema',
        queue,
        '--no-wait',
        '--out',
        join(dir, 'nowait'),
      ]);
      expect(await queued.done, queued.output()).toBe(0);
      const [job] = await db.query<{ status: string }>('SELECT status FROM ferry_jobs WHERE job_id = $1', [jobId]);
      expect(job?.status).toBe('running');

      w = await worker(target.url, queue);
      await until(
        'the job to complete',
        async () => {
          const [j] = await db.query<{ status: string }>('SELECT status FROM ferry_jobs WHERE job_id = $1', [jobId]);
          return j?.status === 'completed' ? true : undefined;
        },
        120_000,
      );
      expect(await loadDigests(target.url, jobId)).toEqual(want);
      const [plan] = await db.query<{ report: { tables: unknown } }>(
        'SELECT report FROM ferry_job_plans WHERE job_id = $1',
        [jobId],
      );
      expect(plan?.report.tables).toEqual((await report('ref')).tables);
    } finally {
      w?.child.kill('SIGTERM');
      await w?.done;
      await db.close();
      await target.drop();
      await dropSchema(queue);
    }
  });
});

async function dropSchema(schema: string): Promise<void> {
  const { testDatabaseUrl } = await import('@ferry/core');
  const db = await PostgresDatabase.open(testDatabaseUrl);
  try {
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await db.close();
  }
}
