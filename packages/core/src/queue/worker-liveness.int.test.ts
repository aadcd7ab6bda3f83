import { describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../store/postgres-database.js';
import { postgresReachable, testDatabaseUrl } from '../testing/postgres-test-env.js';
import { addQueueJobs } from './add-queue-jobs.js';
import { migrateQueueSchema, workerHeartbeatsTable } from './queue-schema.js';
import { startQueueRunner } from './start-queue-runner.js';
import { WorkerLiveness } from './worker-liveness.js';

const pgUp = await postgresReachable();

describe.runIf(pgUp)('WorkerLiveness', () => {
  it('frees only the jobs of its tasks held by workers silent for too long, and they run again', {
    timeout: 30_000,
  }, async () => {
    const schema = `liveness_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await migrateQueueSchema({ connectionString: testDatabaseUrl, schema });
    const db = await PostgresDatabase.open(testDatabaseUrl);
    const liveness = new WorkerLiveness(db, schema, ['ferry_test_task'], 1000);
    try {
      const job = (n: number, task = 'ferry_test_task') => ({ task, payload: { n }, jobKey: `${task}:${n}` });
      await addQueueJobs(db, schema, [job(1), job(2), job(3), job(4, 'other_app_task')]);
      // The jobs as four workers left them: a dead one long ago, a live (heartbeating) one long ago, one just now,
      // and another application's worker, long ago.
      const lock = (key: string, worker: string, ago: string) =>
        db.query(
          `UPDATE "${schema}"._private_jobs SET locked_by = $2, locked_at = now() - $3::interval WHERE key = $1`,
          [key, worker, ago],
        );
      await lock('ferry_test_task:1', 'dead', '1 hour');
      await lock('ferry_test_task:2', 'alive', '1 hour');
      await lock('ferry_test_task:3', 'just-started', '0 seconds');
      await lock('other_app_task:4', 'other-dead', '1 hour');
      await db.query(`INSERT INTO ${workerHeartbeatsTable(schema)} (worker_id, host, pid) VALUES ('alive', 'h', 1)`);

      expect(await liveness.releaseDeadWorkers()).toEqual(['dead']);
      const locks = await db.query<{ key: string; locked_by: string | null }>(
        `SELECT key, locked_by FROM "${schema}".jobs ORDER BY key`,
      );
      expect(locks).toEqual([
        { key: 'ferry_test_task:1', locked_by: null },
        { key: 'ferry_test_task:2', locked_by: 'alive' },
        { key: 'ferry_test_task:3', locked_by: 'just-started' },
        { key: 'other_app_task:4', locked_by: 'other-dead' },
      ]);

      // A runner picks the freed job up.
      const ran: unknown[] = [];
      const runner = await startQueueRunner({
        connectionString: testDatabaseUrl,
        schema,
        pollIntervalMs: 100,
        tasks: { ferry_test_task: async (payload) => void ran.push(payload) },
      });
      try {
        for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      } finally {
        await runner.stop();
      }
      expect(ran).toEqual([{ n: 1 }]);
    } finally {
      await liveness.stop();
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    }
  });
});
