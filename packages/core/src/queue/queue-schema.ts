import { runMigrations } from 'graphile-worker';
import { PostgresDatabase } from '../store/postgres-database.js';
import { quoteIdent, type SqlExecutor } from '../store/sql-database.js';
import { type QueueConfig, queueSchema } from './queue-config.js';
import { queueLogger } from './queue-logger.js';

/** Ferry's own table in the queue schema: which workers are alive (see `WorkerLiveness`). */
export function workerHeartbeatsTable(schema: string): string {
  return `${quoteIdent(schema)}.ferry_worker_heartbeats`;
}

/**
 * Creates or upgrades the queue schema: graphile-worker's migrations, then Ferry's worker heartbeat table.
 * Safe to run concurrently and repeatedly: callers (several workers starting at once) take turns under an advisory
 * lock, because concurrent `CREATE ... IF NOT EXISTS` can still collide in PostgreSQL.
 *
 * @example
 * await migrateQueueSchema({ connectionString: 'postgres://localhost/ferry' });
 */
export async function migrateQueueSchema(config: QueueConfig): Promise<void> {
  const schema = queueSchema(config);
  const db = await PostgresDatabase.open(config.connectionString, { max: 1 });
  try {
    await db.transaction(async (tx: SqlExecutor) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ferry_queue_schema:${schema}`]);
      await runMigrations({ connectionString: config.connectionString, schema, logger: queueLogger() });
      await tx.exec(`CREATE TABLE IF NOT EXISTS ${workerHeartbeatsTable(schema)} (
        worker_id text PRIMARY KEY,
        host text NOT NULL,
        pid integer NOT NULL,
        heartbeat_at timestamptz NOT NULL DEFAULT now()
      )`);
    });
  } finally {
    await db.close();
  }
}
