import { quoteIdent, type SqlExecutor } from '../store/sql-database.js';

/** One job to queue. A job key makes adding idempotent: adding the same key again replaces the waiting job. */
export interface QueueJobSpec {
  task: string;
  payload: Record<string, unknown>;
  jobKey: string;
  maxAttempts?: number;
}

/**
 * Queues jobs with graphile-worker's `add_jobs`, on the given executor: inside a transaction they are queued only if
 * it commits, which is how a job's next step is queued together with the work that makes it ready.
 * Adding a key whose job is waiting (or failed) replaces it and resets its attempts; adding a key whose job is
 * running queues a new one (graphile-worker's rule), so tasks must be idempotent.
 *
 * @example
 * await db.transaction((tx) => addQueueJobs(tx, 'graphile_worker', [{ task: 'x', payload: {}, jobKey: 'x:1' }]));
 */
export async function addQueueJobs(db: SqlExecutor, schema: string, specs: readonly QueueJobSpec[]): Promise<number> {
  if (specs.length === 0) return 0;
  const s = quoteIdent(schema);
  const rows = await db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${s}.add_jobs(ARRAY(
       SELECT ROW(j->>'task', j->'payload', NULL, NULL, (j->>'maxAttempts')::int, j->>'jobKey', NULL, NULL)::${s}.job_spec
         FROM json_array_elements($1::json) AS j))`,
    [JSON.stringify(specs)],
  );
  return Number(rows[0]?.n ?? 0);
}
