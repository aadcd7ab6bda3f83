import { FerryError } from '@ferry/core';
import { failLostRuns, queuedRuns } from './recover-runs.js';
import { executeRun, finishRun, type RunExecutionContext } from './run-execution.js';
import type { RunJob, RunRecovery, RunRunner } from './run-job.js';

/**
 * Runs lifecycle runs in this process (the embedded PGlite platform: one process): a queue with a global
 * concurrency, one run at a time per project (runs of a project share its run store and target). Cancelling is
 * cooperative: the run stops at its next progress event or stage boundary.
 */
export class InProcessRunRunner implements RunRunner {
  readonly kind = 'in-process' as const;
  private readonly queue: RunJob[] = [];
  private readonly active = new Map<string, RunJob>();
  private readonly cancelled = new Set<string>();
  private readonly idle = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly ctx: RunExecutionContext,
    private readonly concurrency: number,
  ) {}

  async enqueue(job: RunJob): Promise<void> {
    if (this.closed) throw new FerryError('FERRY_ERR_CONFLICT', 'The server is shutting down; no new runs');
    this.queue.push(job);
    this.ctx.events.publish(job, { type: 'run-status', status: 'queued' });
    this.pump();
  }

  async cancel(job: RunJob): Promise<void> {
    const queued = this.queue.findIndex((j) => j.runId === job.runId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      await finishRun(this.ctx, job, 'cancelled', null);
      this.settle();
    } else if (this.active.has(job.runId)) this.cancelled.add(job.runId);
  }

  /** At start: runs marked running were interrupted by the stop (failed); queued runs are queued again. */
  async recover(): Promise<RunRecovery> {
    const now = this.ctx.now();
    const lost = await failLostRuns(
      this.ctx.db,
      { error: 'interrupted: the server stopped while the run was going', notify: this.ctx.db.kind === 'postgres' },
      now,
    );
    const queued = await queuedRuns(this.ctx.db);
    for (const { cancelRequested, ...job } of queued) {
      if (cancelRequested) await finishRun(this.ctx, job, 'cancelled', null);
      else await this.enqueue(job);
    }
    return { failed: lost.length, requeued: queued.filter((q) => !q.cancelRequested).length };
  }

  whenIdle(): Promise<void> {
    if (!this.queue.length && !this.active.size) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.whenIdle();
  }

  private pump(): void {
    while (this.active.size < this.concurrency) {
      const busy = new Set([...this.active.values()].map((j) => j.projectId));
      const next = this.queue.findIndex((j) => !busy.has(j.projectId));
      if (next < 0) break;
      const [job] = this.queue.splice(next, 1);
      this.active.set(job!.runId, job!);
      void executeRun(this.ctx, job!, {
        runnerId: 'in-process',
        // The only process: nobody else judges its runs or passes it cancels.
        heartbeat: false,
        stopReason: () => (this.cancelled.has(job!.runId) ? 'cancelled' : null),
      })
        .catch((err) => this.ctx.log?.error({ err, runId: job!.runId }, 'run could not be executed'))
        .finally(() => {
          this.active.delete(job!.runId);
          this.cancelled.delete(job!.runId);
          this.pump();
          this.settle();
        });
    }
  }

  private settle(): void {
    if (this.queue.length || this.active.size) return;
    const waiting = [...this.idle];
    this.idle.clear();
    for (const resolve of waiting) resolve();
  }
}
