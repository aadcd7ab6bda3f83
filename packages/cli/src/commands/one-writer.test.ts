import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteDatabase } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';
import { spawnFerry, waitUntil } from '../testing/spawn-ferry.js';

/**
 * One writer per embedded database, tested with real `ferry` processes running at once: PGlite cannot be shared
 * between processes, so a second process waits for the first (up to --lock-wait) or is refused, naming the holder.
 */
async function cohort(patients: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-one-writer-'));
  await nhsPasPack.generate({ patients, seed: 5, defects: 'none', outDir: dir });
  return dir;
}

/** Rows per LOAD table that a job left in an embedded target. */
async function jobRows(dataDir: string, jobId: string): Promise<Record<string, number>> {
  const db = await PgliteDatabase.open(dataDir);
  try {
    const tables = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'LOAD_%' ORDER BY 1`,
    );
    const out: Record<string, number> = {};
    for (const { t } of tables) {
      const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}" WHERE ferry_job_id = $1`, [
        jobId,
      ]);
      if (r!.n) out[t] = r!.n;
    }
    return out;
  } finally {
    await db.close();
  }
}

function loadedPerTable(report: { tables: { targetTable: string; loaded: number }[] }): Record<string, number> {
  return Object.fromEntries(report.tables.filter((t) => t.loaded > 0).map((t) => [t.targetTable, t.loaded]));
}

describe('one writer per embedded database', () => {
  it('two migrates into one PGlite target at once: the second waits for the first, and no committed row is lost', {
    timeout: 300_000,
  }, async () => {
    const dir = await cohort(15);
    const target = join(dir, 'target');
    const migrate = (job: string, ...extra: string[]) =>
      spawnFerry([
        ...extra,
        'migrate',
        '--source',
        `csv:${join(dir, 'source')}`,
        '--target',
        `pglite:${target}`,
        '--job',
        job,
        '--out',
        join(dir, job),
        '--json',
      ]);
    const a = migrate('job-a');
    // B starts while A holds the database (its lock file is there), and may wait as long as A takes.
    await waitUntil('the first migrate to take the lock', () => existsSync(`${target}.lock`));
    const holder = JSON.parse(await readFile(`${target}.lock`, 'utf8'));
    expect(holder).toMatchObject({ pid: a.child.pid, command: expect.stringMatching(/^ferry migrate --source /) });
    const b = migrate('job-b', '--lock-wait', '280');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.stderr).toBe('');
    // B said why it waited, and for whom.
    expect(rb.stderr).toMatch(
      new RegExp(
        `^ferry: waiting up to 280 s for the embedded database .*target, in use by pid ${a.child.pid} on .*, running "ferry migrate --source .*--job job-a .*", since \\S+\\n$`,
      ),
    );
    expect([ra.code, rb.code]).toEqual([0, 0]);
    // Each job's rows are all there: what each report says it loaded is what the target holds.
    const reportA = JSON.parse(ra.stdout);
    const reportB = JSON.parse(rb.stdout);
    expect(reportA.totals.loaded).toBeGreaterThan(0);
    expect(await jobRows(target, 'job-a')).toEqual(loadedPerTable(reportA));
    expect(await jobRows(target, 'job-b')).toEqual(loadedPerTable(reportB));
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  it('a second lifecycle on the same --out is refused with exit 2, naming the running one; the first is unharmed', {
    timeout: 300_000,
  }, async () => {
    const dir = await cohort(10);
    const out = join(dir, 'out');
    const lifecycle = (...extra: string[]) =>
      spawnFerry([
        ...extra,
        'lifecycle',
        '--pack',
        'nhs-pas',
        '--source',
        join(dir, 'source'),
        '--release-profile',
        'development',
        '--target',
        `csv:${join(dir, 'load')}`,
        '--out',
        out,
        '--to',
        'map',
        '--json',
      ]);
    const first = lifecycle();
    await waitUntil('the first lifecycle to take its folder', () => existsSync(join(out, 'lifecycle.lock')));
    const second = await lifecycle('--lock-wait', '0').done;
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(
      new RegExp(
        `^ferry: The lifecycle folder .*out is in use by another Ferry process \\(pid ${first.child.pid} on .*, running "ferry lifecycle --pack nhs-pas .*", since \\d{4}-.*\\); wait for it to finish, stop it, or give --lock-wait SECONDS to wait for it \\(lock file .*lifecycle.lock\\)\\n$`,
      ),
    );
    const done = await first.done;
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ gate: 'PARTIAL', stages_run: ['profile', 'map'] });
    // Only the first run was recorded.
    const runs = JSON.parse((await spawnFerry(['runs', 'list', '--out', out, '--json']).done).stdout);
    expect(runs.map((r: { outcome: string }) => r.outcome)).toEqual(['PARTIAL']);
  });

  it('a CLI verb on the embedded platform database while `ferry serve` holds it is refused, naming the server', {
    timeout: 300_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ferry-one-writer-serve-'));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const { DATABASE_URL: _, ...inherited } = process.env;
    const env = {
      ...inherited,
      FERRY_DATA_DIR: dataDir,
      FERRY_RUN_MIGRATIONS: 'true',
      FERRY_LOG_LEVEL: 'silent',
      FERRY_BOOTSTRAP_ADMIN_PASSWORD: 'a long and unusual phrase',
    };
    const serve = spawnFerry(['serve', '--port', String(port)], { env });
    try {
      await waitUntil('the server to answer', async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
        } catch {
          return false;
        }
      });
      const status = await spawnFerry(['--lock-wait', '0', 'db', 'status'], { env }).done;
      expect(status.code).toBe(2);
      expect(status.stdout).toBe('');
      expect(status.stderr).toMatch(
        new RegExp(
          `^ferry: The embedded database .*platform is in use by another Ferry process \\(pid ${serve.child.pid} on .*, running "ferry serve --port ${port}", since .*\\)`,
        ),
      );
    } finally {
      serve.child.kill('SIGTERM');
    }
    const stopped = await serve.done;
    expect(stopped.code).toBe(0);
    // Stopped, the server let go of the database: the verb runs.
    expect(existsSync(join(dataDir, 'platform.lock'))).toBe(false);
  });
});
