import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTestSchema,
  formatCsvRow,
  PostgresDatabase,
  postgresReachable,
  readCsvRecords,
  targetChecksums,
} from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';

/**
 * `--on-duplicate update`, tested the hard way: a delta extract that updates the patients of an earlier job (and
 * repeats some, so that within the job the last one wins) is loaded by a real `ferry migrate` process killed with
 * SIGKILL at random moments and resumed; the target, before-images included, must equal an uninterrupted load, and
 * `ferry rollback` of the updating job must bring every table back to its checksum before the job.
 * The spawned CLI is the built one (packages/cli/dist), which `npm install` builds.
 */
const pgUp = await postgresReachable();
const ferryBin = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));

type Exit = { code: number | null; stdout: string; stderr: string };

function ferry(args: string[]): { child: ChildProcess; done: Promise<Exit> } {
  const child = spawn(process.execPath, [ferryBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const done = new Promise<Exit>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** Every LOAD table whole (all jobs, lineage included), and the updating job's before-images and rejects. */
async function targetState(url: string, jobId: string): Promise<Record<string, string>> {
  const db = await PostgresDatabase.open(url);
  try {
    const tables = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'LOAD_%' ORDER BY 1`,
    );
    const out = await targetChecksums(
      db,
      tables.map((r) => r.t),
    );
    const [images] = await db.query<{ n: string; h: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(concat_ws('|', target_table, target_key, before_job_id, image::text), '/'
          ORDER BY target_table, target_key)) AS h FROM ferry_row_images WHERE job_id = $1`,
      [jobId],
    );
    out.images = `${images!.n}:${images!.h}`;
    const [rej] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM ferry_rejects WHERE job_id = $1', [
      jobId,
    ]);
    out.rejects = rej!.n;
    return out;
  } finally {
    await db.close();
  }
}

/**
 * The delta extract: every patient again with another forename, every 25th repeated right after itself (a duplicate
 * within a chunk) and every 10th repeated at the end of the file (a duplicate in a later chunk), each with yet another
 * forename: the last one must win.
 */
async function writeDelta(sourceDir: string, deltaDir: string): Promise<void> {
  await cp(sourceDir, deltaDir, { recursive: true });
  const records: string[][] = [];
  for await (const r of readCsvRecords(join(sourceDir, 'PATIENT.csv'))) records.push(r.fields);
  const header = records[0]!;
  const forename = header.indexOf('FORENAME');
  const rows = records.slice(1);
  const out = [header];
  const tail: string[][] = [];
  for (const [i, row] of rows.entries()) {
    const whole = row.length === header.length;
    const delta = whole ? row.map((v, j) => (j === forename ? 'DELTA' : v)) : row;
    out.push(delta);
    if (whole && i % 25 === 0) out.push(row.map((v, j) => (j === forename ? 'REPEATED' : v)));
    if (whole && i % 10 === 0) tail.push(row.map((v, j) => (j === forename ? 'LATEST' : v)));
  }
  await writeFile(join(deltaDir, 'PATIENT.csv'), [...out, ...tail].map(formatCsvRow).join(''));
}

describe.runIf(pgUp)('ferry migrate --on-duplicate update, killed and resumed, then rolled back', () => {
  it('updates exactly once whatever moments it was killed at, and the rollback restores the pre-job checksums', {
    timeout: 300_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-update-resume-'));
    await nhsPasPack.generate({ patients: 300, seed: 33, defects: 'typical', outDir: dir });
    await writeDelta(join(dir, 'source'), join(dir, 'delta'));
    const base = ['--pack', 'nhs-pas', '--batch-size', '50'];
    const jobA = [...base, '--source', `csv:${join(dir, 'source')}`, '--job', 'job-a', '--json'];
    const jobB = [...base, '--source', `csv:${join(dir, 'delta')}`, '--job', 'job-b', '--on-duplicate', 'update'];

    const clean = await createTestSchema('update_clean');
    const killed = await createTestSchema('update_killed');
    try {
      for (const s of [clean, killed]) {
        expect((await ferry(['migrate', ...jobA, '--target', s.url, '--out', join(dir, 'a')]).done).code).toBe(0);
      }
      const beforeB = await targetState(killed.url, 'job-b');

      // The reference: job B never interrupted.
      const started = performance.now();
      const cleanRun = await ferry(['migrate', ...jobB, '--target', clean.url, '--out', join(dir, 'clean')]).done;
      expect(cleanRun.code).toBe(0);
      const cleanMs = performance.now() - started;
      // The CLI shows what the policy did to the keyed table.
      expect(cleanRun.stdout).toMatch(
        /LOAD_PMI +read \d+ loaded \d+ \(\d+ inserted, \d+ updated, \d+ of them within the job\) rejected \d+ out of scope \d+ \(0 duplicates skipped\)/,
      );
      const want = await targetState(clean.url, 'job-b');
      const report = async (d: string) => JSON.parse(await readFile(join(dir, d, 'migration_report.json'), 'utf8'));
      const pmi = (await report('clean')).tables.find((t: { targetTable: string }) => t.targetTable === 'LOAD_PMI');
      expect(pmi.updated).toBeGreaterThan(250);
      expect(pmi.updatedWithinJob).toBeGreaterThan(20);
      expect(pmi.balanced).toBe(true);
      expect(Number(want.images?.split(':')[0])).toBe(pmi.updated - pmi.updatedWithinJob);

      // Then job B killed at random moments, three times, resuming each time.
      const moments: number[] = [];
      let kills = 0;
      let run = ferry(['migrate', ...jobB, '--target', killed.url, '--out', join(dir, 'killed')]);
      for (let i = 0; i < 3; i++) {
        const ms = Math.floor(cleanMs * (0.15 + Math.random() * 0.45));
        moments.push(ms);
        const finished = await Promise.race([
          run.done.then(() => true),
          new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
        ]);
        if (finished) break;
        run.child.kill('SIGKILL');
        await run.done;
        kills++;
        run = ferry(['migrate', ...jobB, '--resume', 'job-b', '--target', killed.url, '--out', join(dir, 'killed')]);
      }
      expect((await run.done).code, `killed at ${moments.join(', ')} ms`).toBe(0);
      expect(kills, 'the load finished before it could be killed').toBeGreaterThanOrEqual(1);
      expect(await targetState(killed.url, 'job-b')).toEqual(want);
      expect((await report('killed')).tables).toEqual((await report('clean')).tables);

      // Job A's patients are job B's now: rolling A back is refused, naming B.
      const refused = await ferry(['rollback', 'job-a', '--target', killed.url]).done;
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/later job job-b \(\d+ rows\) updated rows it loaded; roll it back first/);

      // Rolling B back removes its rows and restores every row it updated: the target is as it was before B.
      const rolled = await ferry(['rollback', 'job-b', '--target', killed.url, '--json']).done;
      expect(rolled.code).toBe(0);
      expect(await targetState(killed.url, 'job-b')).toEqual({ ...beforeB, images: '0:null', rejects: '0' });
    } finally {
      await clean.drop();
      await killed.drop();
    }
  });
});
