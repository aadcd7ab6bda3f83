import { describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../store/postgres-database.js';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { DatabaseLoadTarget } from './database-load-target.js';

const pgUp = await postgresReachable();

describe.runIf(pgUp)('DatabaseLoadTarget.begin on PostgreSQL', () => {
  it('a job another process starts at the same moment is a conflict naming the job, not a raw 23505', async () => {
    const schema = await createTestSchema('load_target_begin');
    const mine = await PostgresDatabase.open(schema.url, { max: 2 });
    const theirs = await PostgresDatabase.open(schema.url, { max: 1 });
    try {
      const target = new DatabaseLoadTarget(mine);
      const meta = { contractHash: 'h', releaseProfile: 'development', batchSize: 10 };
      await target.begin('job-other', [], meta); // the job tables exist from here on
      let starting: Promise<unknown> | undefined;
      // The other process has inserted the job's row and not yet committed when this one starts the same job.
      await theirs.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO ferry_jobs (job_id, contract_hash, release_profile, batch_size, status, tables, on_duplicate)
           VALUES ('job-same', 'h', 'development', 10, 'running', '[]', NULL)`,
        );
        starting = target.begin('job-same', [], meta).catch((e: unknown) => e);
        await new Promise((r) => setTimeout(r, 500));
      });
      const refused = await starting;
      expect(refused).toMatchObject({
        code: 'FERRY_ERR_CONFLICT',
        message: expect.stringMatching(
          /^Job job-same is being started by another process at the same time in postgres:/,
        ),
      });
    } finally {
      await mine.close();
      await theirs.close();
      await schema.drop();
    }
  });

  it('one writer per job: a second connection (another process) is refused at once, naming who holds the job', async () => {
    const schema = await createTestSchema('load_target_job_lock');
    const first = new DatabaseLoadTarget(await PostgresDatabase.open(schema.url, { max: 2 }));
    const second = new DatabaseLoadTarget(await PostgresDatabase.open(schema.url, { max: 2 }));
    const meta = { contractHash: 'h', releaseProfile: 'development', batchSize: 10 };
    try {
      await first.begin('job-shared', [], meta);
      const started = Date.now();
      const refused = await second.begin('job-shared', [], meta).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(5000); // refused, not made to wait
      expect(refused).toMatchObject({
        code: 'FERRY_ERR_LOCKED',
        message: expect.stringMatching(
          new RegExp(
            `^Job job-shared in postgres:.* is being written by another process \\(ferry job \\(pid ${process.pid} on [^)]+\\), server process \\d+\\); one writer per job`,
          ),
        ),
      });
      // Another job of the same target is not held up, and the job is free again once its writer has finished.
      await second.begin('job-other', [], meta);
      await first.finish('job-shared', 'completed');
      await first.close();
      await second.begin('job-shared', [], meta, 'resume');
    } finally {
      await first.close().catch(() => {});
      await second.close();
      await schema.drop();
    }
  });

  it('a writer that ends without releasing (its connection gone) frees the job', async () => {
    const schema = await createTestSchema('load_target_job_lock_gone');
    const db = await PostgresDatabase.open(schema.url, { max: 1 });
    const meta = { contractHash: 'h', releaseProfile: 'development', batchSize: 10 };
    const lock = await db.holdAdvisoryLock('job', 'job-crashed');
    try {
      expect(lock.held).toBe(true);
      const other = new DatabaseLoadTarget(await PostgresDatabase.open(schema.url, { max: 1 }));
      await expect(other.begin('job-crashed', [], meta)).rejects.toMatchObject({ code: 'FERRY_ERR_LOCKED' });
      // The holder's session ends (a killed process): the server frees its advisory locks.
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'ferry job (pid ${process.pid} %' AND pid <> pg_backend_pid()`,
      );
      await new Promise((r) => setTimeout(r, 200));
      await other.begin('job-crashed', [], meta);
      await other.close();
    } finally {
      await db.close();
      await schema.drop();
    }
  });
});
