import { type Job, type JobHelpers, Logger, makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';

/** Where graphile-worker's messages go (a pino logger fits). */
export interface QueueLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** How to reach the queue: a PostgreSQL URL and the schema graphile-worker keeps its tables in. */
export interface QueueOptions {
  connectionString: string;
  schema: string;
  /** Connections of the queue's one pool (shared by the utilities and the workers; default 4). */
  poolSize?: number;
  log?: QueueLog;
}

/** What happened to a job asked to leave the queue. */
export type RemovedJob = 'removed' | 'running' | 'absent';

const sqlName = /^[a-z_][a-z0-9_]{0,62}$/;

function graphileLogger(log: QueueLog | undefined): Logger {
  return new Logger((scope) => (level, message, meta) => {
    if (!log) return;
    const fields = { ...scope, ...(meta ?? {}) };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else if (level === 'info') log.info(fields, message);
    else log.debug(fields, message);
  });
}

/**
 * A small, generic face of graphile-worker 0.17's utilities (nothing Ferry-specific), on one small connection pool:
 * it installs or upgrades the queue's
 * schema, adds jobs by key (adding a key that is already queued does nothing), removes a waiting job, finds a job
 * by key and discards the job of a dead worker. (Workers run with core's `startQueueRunner`.)
 *
 * @example
 * const queue = await GraphileQueue.open({ connectionString: url, schema: 'graphile_worker' });
 * await queue.add('send_report', { id }, { jobKey: `report:${id}` });
 */
export class GraphileQueue {
  private constructor(
    private readonly options: QueueOptions,
    private readonly pool: pg.Pool,
    private readonly utils: WorkerUtils,
  ) {}

  static async open(options: QueueOptions): Promise<GraphileQueue> {
    if (!sqlName.test(options.schema)) throw new Error(`Not a usable queue schema name: ${options.schema}`);
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 4 });
    pool.on('error', (err) => options.log?.warn({ err }, 'queue connection error'));
    pool.on('connect', (client) => client.on('error', (err) => options.log?.warn({ err }, 'queue connection error')));
    try {
      const utils = await makeWorkerUtils({
        pgPool: pool,
        schema: options.schema,
        logger: graphileLogger(options.log),
      });
      try {
        await utils.migrate();
      } catch (e) {
        await utils.release();
        throw e;
      }
      return new GraphileQueue(options, pool, utils);
    } catch (e) {
      await pool.end();
      throw e;
    }
  }

  get schema(): string {
    return this.options.schema;
  }

  get connectionString(): string {
    return this.options.connectionString;
  }

  /**
   * Adds a job unless one with its key exists. `queueName` makes jobs of the same queue run one at a time;
   * `maxAttempts: 1` means a failed job is not retried by graphile-worker.
   */
  async add(
    task: string,
    payload: unknown,
    spec: { jobKey: string; queueName?: string; maxAttempts?: number },
  ): Promise<Job> {
    return this.utils.addJob(task, payload, { ...spec, jobKeyMode: 'unsafe_dedupe' });
  }

  /** Removes a job that no worker holds; a job being worked on stays (and will not be retried). */
  async remove(jobKey: string): Promise<RemovedJob> {
    const [row] = await this.query<{ id: string | null; locked_at: Date | null }>(
      `SELECT id, locked_at FROM ${this.options.schema}.remove_job($1)`,
      [jobKey],
    );
    if (!row?.id) return 'absent';
    return row.locked_at ? 'running' : 'removed';
  }

  /** The job with this key, if any, the worker holding it and for how long (database time). */
  async find(jobKey: string): Promise<{ id: string; lockedBy: string | null; lockedForMs: number | null } | undefined> {
    const [row] = await this.query<{ id: string; locked_by: string | null; locked_ms: number | null }>(
      `SELECT id, locked_by, (extract(epoch FROM now() - locked_at) * 1000)::float8 AS locked_ms
       FROM ${this.options.schema}.jobs WHERE key = $1`,
      [jobKey],
    );
    return row ? { id: String(row.id), lockedBy: row.locked_by, lockedForMs: row.locked_ms } : undefined;
  }

  /** The number of jobs of a task waiting or being worked on (permanently failed ones are not counted). */
  async count(task: string): Promise<number> {
    const [row] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.options.schema}.jobs
       WHERE task_identifier = $1 AND (attempts < max_attempts OR locked_at IS NOT NULL)`,
      [task],
    );
    return row?.n ?? 0;
  }

  /**
   * Deletes a job whose worker is known to be dead: releases that worker's locks (on its jobs and queues), then
   * completes the job so it does not run again.
   */
  async discardJobOfDeadWorker(jobKey: string): Promise<void> {
    const job = await this.find(jobKey);
    if (!job) return;
    if (job.lockedBy) await this.utils.forceUnlockWorkers([job.lockedBy]);
    await this.utils.completeJobs([job.id]);
  }

  /** Releases the utilities and the pool (stop the workers first). */
  async close(): Promise<void> {
    await this.utils.release();
    await this.pool.end();
  }

  private async query<R>(text: string, values: unknown[]): Promise<R[]> {
    return this.utils.withPgClient(async (client) => (await client.query(text, values)).rows as R[]);
  }
}

export type { JobHelpers };
