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
});
