import { z } from 'zod';
import type { QueueJobSpec } from '../../queue/add-queue-jobs.js';
import type { QueuedJobPlan } from './queued-job-plan.js';

/** The graphile-worker task that loads one chunk. */
export const loadChunkTask = 'ferry_load_chunk';

/** Retries of a failing chunk (graphile-worker backs off exponentially: about 3 s, 7 s, 20 s, 55 s, ...). */
export const chunkMaxAttempts = 10;

/** What a queued chunk job carries: which chunk of which plan (everything else is in the plan). */
export const chunkJobPayloadSchema = z.object({
  jobId: z.string().min(1),
  planId: z.string().min(1),
  /** Index of the contract table, in load order. */
  table: z.number().int().nonnegative(),
  chunk: z.number().int().nonnegative(),
});
export type ChunkJobPayload = z.infer<typeof chunkJobPayloadSchema>;

/** Prefix of the job keys of a load job's chunks. */
export function chunkJobKeyPrefix(jobId: string): string {
  return `${loadChunkTask}:${jobId}:`;
}

/**
 * The queue job of one chunk. Its key names the job, table and chunk, so queueing it again (a retry of the plan, a
 * resume) replaces the waiting job instead of adding a second.
 */
export function chunkJobSpec(plan: QueuedJobPlan, table: number, chunk: number): QueueJobSpec {
  const payload: ChunkJobPayload = { jobId: plan.jobId, planId: plan.planId, table, chunk };
  return {
    task: loadChunkTask,
    payload,
    jobKey: `${chunkJobKeyPrefix(plan.jobId)}${table}:${chunk}`,
    maxAttempts: chunkMaxAttempts,
  };
}
