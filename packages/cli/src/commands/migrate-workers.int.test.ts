import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';

/**
 * `--workers N` maps chunks on worker threads; the target must not be able to tell: the same rows, lineage, rejects
 * and chunk ledgers as the single-thread load, byte for byte. Runs the built CLI (packages/cli/dist).
 */
const pgUp = await postgresReachable();
const ferryBin = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));

function ferry(args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [ferryBin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0) process.stderr.write(`ferry ${args[0]} exited ${code}: ${stderr}\n`);
      resolve(code);
    }),
  );
}

/** Everything the job wrote, as text: each LOAD table's rows (lineage included), its rejects and its chunk ledgers. */
async function targetDump(url: string, jobId: string): Promise<Record<string, string>> {
  const db = await PostgresDatabase.open(url);
  try {
    const tables = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'LOAD_%' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const rows = await db.query<{ r: string }>(
        `SELECT x::text AS r FROM "${t}" x WHERE ferry_job_id = $1 ORDER BY 1`,
        [jobId],
      );
      out[t] = rows.map((r) => r.r).join('\n');
    }
    const rejects = await db.query<{ r: string }>(
      'SELECT x::text AS r FROM ferry_rejects x WHERE job_id = $1 ORDER BY target_table, chunk_no, seq',
      [jobId],
    );
    out.ferry_rejects = rejects.map((r) => r.r).join('\n');
    const chunks = await db.query<{ r: string }>(
      `SELECT concat_ws(' ', target_table, chunk_no, row_count, ledger::text) AS r FROM ferry_job_chunks WHERE job_id = $1 ORDER BY target_table, chunk_no`,
      [jobId],
    );
    out.ferry_job_chunks = chunks.map((r) => r.r).join('\n');
    return out;
  } finally {
    await db.close();
  }
}

describe.runIf(pgUp)('ferry migrate --workers', () => {
  it('loads the same rows, lineage, rejects and ledgers as a single-thread load', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-workers-'));
    await nhsPasPack.generate({ patients: 600, seed: 5, defects: 'typical', outDir: dir });
    const common = ['--pack', 'nhs-pas', '--source', `csv:${join(dir, 'source')}`, '--job', 'job-w', '--json'];
    const one = await createTestSchema('workers_one');
    const two = await createTestSchema('workers_two');
    try {
      const args = (url: string, out: string, workers: string) => [
        'migrate',
        ...common,
        '--batch-size',
        '97',
        '--workers',
        workers,
        '--target',
        url,
        '--out',
        join(dir, out),
      ];
      expect(await ferry(args(one.url, 'one', '1'))).toBe(0);
      expect(await ferry(args(two.url, 'two', '2'))).toBe(0);
      const [a, b] = [await targetDump(one.url, 'job-w'), await targetDump(two.url, 'job-w')];
      expect(Object.keys(a).length).toBeGreaterThan(3);
      expect(a.ferry_rejects?.length, 'the typical defects give rejects').toBeGreaterThan(0);
      for (const k of Object.keys(a)) expect(b[k], k).toBe(a[k]);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      const report = async (d: string) => JSON.parse(await readFile(join(dir, d, 'migration_report.json'), 'utf8'));
      expect((await report('two')).tables).toEqual((await report('one')).tables);
      expect(await readFile(join(dir, 'two', 'rejects.csv'), 'utf8')).toBe(
        await readFile(join(dir, 'one', 'rejects.csv'), 'utf8'),
      );
    } finally {
      await one.drop();
      await two.drop();
    }
  });
});
