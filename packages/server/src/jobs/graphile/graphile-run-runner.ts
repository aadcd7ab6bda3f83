import { type QueueRunner, startQueueRunner } from '@ferry/core';
import { failLostRuns, queuedRuns } from '../recover-runs.js';
import { executeRun, finishRun, type RunExecutionContext } from '../run-execution.js';
import { type RunJob, type RunRecovery, type RunRunner, runJobSchema } from '../run-job.js';
import type { GraphileQueue } from './graphile-queue.js';

/** graphile-worker's task identifier of a lifecycle run. */
export const lifecycleRunTask = 'ferry_lifecycle_run';

const jobKeyOf = (runId: string) => `ferry-run:${runId}`;
/** Runs of a project share its run store and target: its jobs share a queue, which runs them one at a time. */
const queueOf = (projectId: string) => `ferry-project:${projectId}`;

export interface GraphileRunRunnerOptions {
  /** Execute runs in this process (`ferry serve` by default, `ferry runs worker`), or only queue and recover. */
  work: boolean;
  concurrency: number;
  /** A running run whose heartbeat is older than this lost its runner. */
  staleAfterMs: number;
  /** How often this process looks for lost runs (default: a quarter of staleAfterMs, at least 1 s). */
  sweepEveryMs?: number;
}

/**
 * Lifecycle runs on PostgreSQL, queued with graphile-worker: `enqueue` adds a job keyed by the run; workers in any
 * process (the server's own, `ferry runs worker`) execute it in the run's organisation scope. Cancelling a queued
 * run removes its job and finishes it as cancelled; a running one reads the cancel request at its next heartbeat,
 * wherever it runs. Every process that holds this runner also sweeps for runs whose runner died (stale heartbeat):
 * they are failed, and their job is discarded, releasing the project's queue.
 */
export class GraphileRunRunner implements RunRunner {
  readonly kind = 'graphile-worker' as const;
  private workers: QueueRunner | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> = Promise.resolve();
  /** Runs this process executes, and whether a cancel was seen for each. */
  private readonly active = new Map<string, { cancelled: boolean }>();

  constructor(
    private readonly ctx: RunExecutionContext,
    private readonly queue: GraphileQueue,
    private readonly options: GraphileRunRunnerOptions,
  ) {}

  /** Starts the workers (when `work`) and the periodic sweep for lost runs. */
  async start(): Promise<this> {
    if (this.options.work) {
      // core's queue runner (shared with `ferry worker`): restarted after another queue schema's migration notice,
      // and the jobs of workers whose heartbeat stopped are released.
      const log = this.ctx.log;
      this.workers = await startQueueRunner({
        connectionString: this.queue.connectionString,
        schema: this.queue.schema,
        tasks: {
          [lifecycleRunTask]: (payload, helpers) => this.execute(payload, helpers.job.locked_by, helpers.abortSignal),
        },
        concurrency: this.options.concurrency,
        staleAfterMs: this.options.staleAfterMs,
        onLog: (line) => {
          if (line.level === 'error') log?.error(line.message);
          else if (line.level === 'warning') log?.warn(line.message);
          else if (line.level === 'info') log?.info(line.message);
        },
      });
      this.workers.done.catch((err) =>
        log?.error({ err }, 'the run queue runner stopped: this process no longer executes runs'),
      );
    }
    const every = this.options.sweepEveryMs ?? Math.max(1000, Math.floor(this.options.staleAfterMs / 4));
    this.sweeper = setInterval(() => {
      this.sweeping = this.sweep().catch((err) => this.ctx.log?.warn({ err }, 'run recovery sweep failed'));
    }, every);
    this.sweeper.unref();
    return this;
  }

  async enqueue(job: RunJob): Promise<void> {
    this.ctx.events.publish(job, { type: 'run-status', status: 'queued' });
    await this.ctx.events.flush(job.runId);
    await this.queue.add(lifecycleRunTask, job, {
      jobKey: jobKeyOf(job.runId),
      queueName: queueOf(job.projectId),
      maxAttempts: 1,
    });
  }

  async cancel(job: RunJob): Promise<void> {
    const mine = this.active.get(job.runId);
    if (mine) mine.cancelled = true;
    const removed = await this.queue.remove(jobKeyOf(job.runId));
    // Out of the queue before a worker took it (or never queued): nothing will run it, so it ends here. A running
    // run (here or in another process) sees the request at its next heartbeat.
    if (removed !== 'running') await finishRun(this.ctx, job, 'cancelled', null);
  }

  /**
   * Fails running runs whose heartbeat is stale and discards their jobs (their worker is dead); queues again the
   * queued runs that have no job (a server stopped between saving the run and queueing it).
   */
  async recover(): Promise<RunRecovery> {
    const lost = await failLostRuns(
      this.ctx.db,
      {
        staleAfterMs: this.options.staleAfterMs,
        error: `interrupted: its runner stopped answering (no heartbeat for ${Math.round(this.options.staleAfterMs / 1000)} s)`,
        notify: true,
      },
      this.ctx.now(),
    );
    for (const run of lost) {
      this.ctx.signal.notify(run.id);
      await this.queue.discardJobOfDeadWorker(jobKeyOf(run.id));
      this.ctx.log?.warn({ runId: run.id, runner: run.runnerId }, 'failed a run whose runner was lost');
    }
    let requeued = 0;
    for (const { cancelRequested, ...job } of await queuedRuns(this.ctx.db)) {
      const held = await this.queue.find(jobKeyOf(job.runId));
      // A worker took the job but died before marking the run running (that takes milliseconds): discard its job.
      const deadWorker = held?.lockedBy && (held.lockedForMs ?? 0) > this.options.staleAfterMs;
      if (held && !deadWorker) continue;
      if (held) await this.queue.discardJobOfDeadWorker(jobKeyOf(job.runId));
      if (cancelRequested) await finishRun(this.ctx, job, 'cancelled', null);
      else {
        await this.enqueue(job);
        requeued++;
      }
    }
    return { failed: lost.length, requeued };
  }

  /** Resolves when the queue holds no lifecycle run (tests). */
  async whenIdle(): Promise<void> {
    while ((await this.queue.count(lifecycleRunTask)) > 0 || this.active.size > 0)
      await new Promise((r) => setTimeout(r, 50));
  }

  /**
   * Stops sweeping and working: running runs get a few seconds (graphile-worker's graceful shutdown), then stop at
   * their next progress event, failed as interrupted; queued ones wait in the queue for another runner.
   */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.sweeping;
    await this.workers?.stop().catch(() => {});
    await this.queue.close();
  }

  private async sweep(): Promise<void> {
    const { failed, requeued } = await this.recover();
    if (failed || requeued) this.ctx.log?.info({ failed, requeued }, 'run recovery');
  }

  private async execute(payload: unknown, workerId: string | null, abort: AbortSignal): Promise<void> {
    const job = runJobSchema.parse(payload);
    const state = { cancelled: false };
    this.active.set(job.runId, state);
    try {
      await executeRun(this.ctx, job, {
        runnerId: workerId ?? 'graphile-worker',
        stopReason: () => (state.cancelled ? 'cancelled' : abort.aborted ? 'interrupted' : null),
      });
    } finally {
      this.active.delete(job.runId);
    }
  }
}
