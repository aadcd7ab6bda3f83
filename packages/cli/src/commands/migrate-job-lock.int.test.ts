import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';
import { spawnFerry } from '../testing/spawn-ferry.js';

const pgUp = await postgresReachable();

/**
 * One writer per job on PostgreSQL: while another process writes job J (it holds J's advisory lock), `ferry migrate
 * --job J` into the same schema is refused at once with exit 2, naming the job and who holds it; once the writer has
 * gone, the same command loads.
 */
describe.runIf(pgUp)('ferry migrate: one writer per job on PostgreSQL', () => {
  it('refuses a second writer of the job with exit 2 naming the holder, then loads once it is free', {
    timeout: 180_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-job-lock-'));
    await nhsPasPack.generate({ patients: 30, seed: 3, defects: 'none', outDir: dir });
    const schema = await createTestSchema('ferry_cli_job_lock');
    const holder = await PostgresDatabase.open(schema.url, { max: 1 });
    const args = (out: string) => [
      'migrate',
      '--pack',
      'nhs-pas',
      '--source',
      `csv:${join(dir, 'source')}`,
      '--target',
      schema.url,
      '--job',
      'job-locked',
      '--out',
      join(dir, out),
    ];
    try {
      // The other writer: a session holding the job's lock, as a `ferry migrate` of this job does while it loads.
      const lock = await holder.holdAdvisoryLock('job', 'job-locked');
      expect(lock.held).toBe(true);
      const refused = await spawnFerry(args('second')).done;
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^ferry: Job job-locked in postgres:.* is being written by another process \\(ferry job \\(pid ${process.pid} on [^)]+\\), server process \\d+\\); one writer per job`,
          'm',
        ),
      );
      if (lock.held) await lock.release();
      const loaded = await spawnFerry(args('third')).done;
      expect(loaded.code).toBe(0);
      const [{ n }] = (await holder.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ferry_jobs WHERE job_id = 'job-locked' AND status = 'completed'`,
      )) as [{ n: string }];
      expect(n).toBe('1');
    } finally {
      await holder.close();
      await schema.drop();
    }
  });
});
