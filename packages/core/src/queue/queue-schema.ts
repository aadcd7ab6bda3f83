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
 * Safe to run concurrently and repeatedly (graphile-worker serialises its migrations with a lock).
 *
 * @example
 * await migrateQueueSchema({ connectionString: 'postgres://localhost/ferry' });
 */
export async function migrateQueueSchema(config: QueueConfig, db?: SqlExecutor): Promise<void> {
  const schema = queueSchema(config);
  await runMigrations({ connectionString: config.connectionString, schema, logger: queueLogger() });
  const sql = `CREATE TABLE IF NOT EXISTS ${workerHeartbeatsTable(schema)} (
    worker_id text PRIMARY KEY,
    host text NOT NULL,
    pid integer NOT NULL,
    heartbeat_at timestamptz NOT NULL DEFAULT now()
  )`;
  if (db) {
    await db.exec(sql);
    return;
  }
  const own = await PostgresDatabase.open(config.connectionString, { max: 1 });
  try {
    await own.exec(sql);
  } finally {
    await own.close();
  }
}
