import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';
import { loadDigests } from '../testing/load-digests.js';
import { spawnFerry, waitUntil } from '../testing/spawn-ferry.js';

const pgUp = await postgresReachable();

/**
 * A lifecycle killed in the middle of its load: `--from check` cannot reuse a load that never finished and says to
 * rerun from migrate, which resumes the interrupted job (its committed chunks kept) and ends with the same rows as a
 * load that was never interrupted.
 */
describe.runIf(pgUp)('ferry lifecycle after a kill during migrate', () => {
  it('--from check is refused with the way out; --from migrate resumes the job, row for row', {
    timeout: 400_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-lc-resume-'));
    await nhsPasPack.generate({ patients: 40, seed: 12, defects: 'typical', outDir: dir });
    const clean = await createTestSchema('ferry_lc_clean');
    const killed = await createTestSchema('ferry_lc_killed');
    const args = (target: string, out: string) => [
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--source',
      join(dir, 'source'),
      '--release-profile',
      'development',
      '--target',
      target,
      '--out',
      join(dir, out),
      '--batch-size',
      '50',
      '--as-of',
      '2026-01-01',
      '--json',
    ];
    try {
      const reference = await spawnFerry(args(clean.url, 'clean')).done;
      expect([0, 1]).toContain(reference.code);
      const jobId = JSON.parse(reference.stdout).job_id as string;

      // Killed once some chunks of the load have committed.
      const run = spawnFerry(args(killed.url, 'killed'));
      const db = await PostgresDatabase.open(killed.url, { max: 1 });
      try {
        await waitUntil('the first chunks to commit', async () => {
          const [t] = await db.query<{ t: string | null }>(`SELECT to_regclass('ferry_job_chunks')::text AS t`);
          if (!t?.t) return false;
          const [c] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ferry_job_chunks');
          return c!.n >= 3;
        });
        run.child.kill('SIGKILL');
        await run.done;
        const [job] = await db.query<{ status: string }>('SELECT status FROM ferry_jobs WHERE job_id = $1', [jobId]);
        expect(job?.status, 'the load finished before it could be killed').toBe('running');
      } finally {
        await db.close();
      }

      const fromCheck = await spawnFerry([...args(killed.url, 'killed'), '--from', 'check']).done;
      expect(fromCheck.code).toBe(2);
      expect(fromCheck.stderr).toMatch(
        /^ferry: --from check: stage migrate did not complete in run run-\S+, so it has no artefacts to reuse; rerun with --from migrate \(an interrupted load resumes where it stopped, keeping its committed chunks\)\n$/,
      );

      const fromMigrate = await spawnFerry(['--verbose', ...args(killed.url, 'killed'), '--from', 'migrate']).done;
      expect(fromMigrate.code).toBe(reference.code);
      expect(fromMigrate.stderr).toContain(`resuming job ${jobId}`);
      expect(await loadDigests(killed.url, jobId)).toEqual(await loadDigests(clean.url, jobId));
      // The same evidence figures as the clean run (which loaded into a target of its own).
      const summary = (s: string) => {
        const { run_id: _r, evidence: _e, target: _t, ...rest } = JSON.parse(s);
        return rest;
      };
      expect(summary(fromMigrate.stdout)).toEqual(summary(reference.stdout));
      const runs = (await readdir(join(dir, 'killed', 'runs'))).sort();
      const last = JSON.parse(await readFile(join(dir, 'killed', 'runs', runs[runs.length - 1]!, 'run.json'), 'utf8'));
      expect(last.stages.find((s: { stage: string }) => s.stage === 'migrate').status).toBe('Success');
    } finally {
      await clean.drop();
      await killed.drop();
    }
  });
});
