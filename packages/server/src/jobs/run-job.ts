import { z } from 'zod';

/** A queued run, as a runner needs it (also graphile-worker's job payload, so it is validated when read). */
export const runJobSchema = z.object({
  runId: z.uuid(),
  orgId: z.uuid(),
  projectId: z.uuid(),
  startedBy: z.uuid().nullable(),
});
export type RunJob = z.infer<typeof runJobSchema>;

/** What recovery did: runs failed because their runner was lost, queued runs handed to the queue again. */
export interface RunRecovery {
  failed: number;
  requeued: number;
}

/**
 * Where lifecycle runs execute. The routes only see this: `InProcessRunRunner` (PGlite, one process) and
 * `GraphileRunRunner` (PostgreSQL, graphile-worker, any number of runner processes) both implement it.
 */
export interface RunRunner {
  readonly kind: 'in-process' | 'graphile-worker';
  /** Queues a run whose row (status `queued`) is committed. */
  enqueue(job: RunJob): Promise<void>;
  /**
   * Acts on a committed cancel request (`cancel_requested`): a queued run leaves the queue and is finished as
   * cancelled; a running one stops at its next progress point.
   */
  cancel(job: RunJob): Promise<void>;
  /** Fails runs whose runner is gone (never left `running`) and queues again queued runs nothing holds. */
  recover(): Promise<RunRecovery>;
  /** Resolves when no run is queued or running (tests). */
  whenIdle(): Promise<void>;
  /** Takes no new runs and stops this process's share of the work. */
  close(): Promise<void>;
}

/** The tenant scope a run executes in: its organisation, never platform access (row-level security holds). */
export function runScope(job: RunJob) {
  return { orgId: job.orgId, userId: job.startedBy, platformAccess: false };
}
