import { EventEmitter } from 'node:events';
import { run, type TaskList, type WorkerEvents } from 'graphile-worker';
import { PostgresDatabase } from '../store/postgres-database.js';
import { type QueueConfig, queueSchema } from './queue-config.js';
import { type QueueLogLine, queueLogger } from './queue-logger.js';
import { migrateQueueSchema } from './queue-schema.js';
import { WorkerLiveness } from './worker-liveness.js';

export interface QueueRunnerOptions extends QueueConfig {
  /** Task identifier -> task function (graphile-worker's TaskList). */
  tasks: TaskList;
  /** Jobs run at once in this process (default 1). */
  concurrency?: number;
  /** How often an idle worker looks for jobs that were not announced (retries, released jobs), in ms (default 1000). */
  pollIntervalMs?: number;
  /**
   * A worker whose heartbeat is older than this is taken for dead and its jobs run again elsewhere (default 60 s).
   * Keep it well above a pause the workers could plausibly have (a long GC, a stalled disk).
   */
  staleAfterMs?: number;
  onLog?: (line: QueueLogLine) => void;
  /** A job finished (`ok`) or failed (and will be retried while it has attempts left). */
  onJob?: (event: { task: string; ok: boolean; error?: string }) => void;
}

/** A running queue runner. */
export interface QueueRunner {
  /** Finishes running jobs, takes no more, and stops. */
  stop(): Promise<void>;
  /** Settles when the runner stops. */
  readonly done: Promise<void>;
}

/**
 * Runs graphile-worker for the given tasks: migrates the queue schema, starts `concurrency` workers, and keeps them
 * known alive (see `WorkerLiveness`) so that the jobs of a worker that died are released after `staleAfterMs`.
 * Signals are not handled here: the caller decides when to `stop()`.
 *
 * @example
 * const runner = await startQueueRunner({ connectionString: url, tasks: { hello: async () => {} } });
 * process.on('SIGTERM', () => runner.stop());
 */
export async function startQueueRunner(options: QueueRunnerOptions): Promise<QueueRunner> {
  const schema = queueSchema(options);
  await migrateQueueSchema(options);
  const db = await PostgresDatabase.open(options.connectionString, { max: 2 });
  const liveness = new WorkerLiveness(db, schema, Object.keys(options.tasks), options.staleAfterMs ?? 60_000, (e) =>
    options.onLog?.({ level: 'warning', message: `worker heartbeat: ${e instanceof Error ? e.message : String(e)}` }),
  );
  const events: WorkerEvents = new EventEmitter();
  events.on('worker:create', ({ worker }) => liveness.add(worker.workerId));
  events.on('worker:stop', ({ worker }) => liveness.remove(worker.workerId));
  events.on('job:success', ({ job }) => options.onJob?.({ task: job.task_identifier, ok: true }));
  events.on('job:error', ({ job, error }) =>
    options.onJob?.({
      task: job.task_identifier,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  const concurrency = options.concurrency ?? 1;
  const start = () =>
    run({
      connectionString: options.connectionString,
      schema,
      concurrency,
      maxPoolSize: Math.max(4, concurrency + 2),
      pollInterval: options.pollIntervalMs ?? 1000,
      taskList: options.tasks,
      noHandleSignals: true,
      crontab: '',
      logger: queueLogger(options.onLog),
      events,
    });
  let runner: Awaited<ReturnType<typeof run>>;
  try {
    runner = await start();
  } catch (e) {
    await db.close();
    throw e;
  }
  liveness.start();
  let stopping = false;
  // graphile-worker announces schema migrations on one channel for the whole database, whatever the schema, and a
  // runner shuts down (cleanly, after its jobs) on any "breaking" one, such as another queue schema being installed
  // in the same database. Unless asked to stop, the runner is started again: its own schema is checked on start, so
  // a real incompatibility still ends it with an error.
  const supervise = async (): Promise<void> => {
    for (;;) {
      await runner.promise;
      if (stopping) return;
      options.onLog?.({ level: 'info', message: 'queue runner stopped by a schema migration notice; starting again' });
      await migrateQueueSchema(options);
      if (stopping) return;
      runner = await start();
      if (stopping) await runner.stop();
    }
  };
  const done = supervise().finally(async () => {
    await liveness.stop().catch(() => {});
    await db.close();
  });
  done.catch(() => {});
  return {
    done,
    async stop() {
      stopping = true;
      await runner.stop().catch(() => {});
      await done;
    },
  };
}
