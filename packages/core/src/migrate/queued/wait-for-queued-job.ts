import { setTimeout as sleep } from 'node:timers/promises';
import { FerryError } from '../../errors.js';
import { quoteIdent, type SqlExecutor } from '../../store/sql-database.js';
import type { MigrationReport } from '../migration-report.js';
import { chunkJobKeyPrefix } from './chunk-job.js';
import { type QueuedJobPlan, readJobPlanId, readJobReport } from './queued-job-plan.js';

/** How far a queued job has got. */
export interface QueuedJobProgress {
  committedChunks: number;
  totalChunks: number;
  /** The table being loaded (the first not complete), or undefined when all are. */
  table?: string;
  tableIndex: number;
  /** Chunk jobs that failed and wait to be retried, with their last error (Ferry's safe message). */
  retrying: { key: string; attempts: number; error: string }[];
}

/** Reads a queued job's progress from the target and the queue. */
export async function queuedJobProgress(db: SqlExecutor, plan: QueuedJobPlan): Promise<QueuedJobProgress> {
  const rows = await db.query<{ target_table: string; n: string }>(
    'SELECT target_table, count(*)::text AS n FROM ferry_job_chunks WHERE job_id = $1 GROUP BY target_table',
    [plan.jobId],
  );
  const committed = new Map(rows.map((r) => [r.target_table, Number(r.n)]));
  let committedChunks = 0;
  let tableIndex = plan.tables.length;
  for (const [i, t] of plan.tables.entries()) {
    const n = Math.min(committed.get(t.target) ?? 0, t.chunks);
    committedChunks += n;
    if (n < t.chunks && i < tableIndex) tableIndex = i;
  }
  const failing = await db.query<{ key: string; attempts: number; max_attempts: number; last_error: string }>(
    `SELECT key, attempts, max_attempts, last_error FROM ${quoteIdent(plan.queueSchema)}.jobs
      WHERE key LIKE $1 AND last_error IS NOT NULL AND locked_at IS NULL ORDER BY key`,
    [`${chunkJobKeyPrefix(plan.jobId).replaceAll('_', '\\_')}%`],
  );
  const permanent = failing.filter((f) => f.attempts >= f.max_attempts);
  if (permanent.length) {
    throw new FerryError(
      'FERRY_ERR_INPUT',
      `${permanent.length} chunk(s) of job ${plan.jobId} failed ${permanent[0]!.attempts} times and will not be retried; first: ${firstLine(permanent[0]!.last_error)}. Fix the cause, then queue the job again with --resume ${plan.jobId}`,
    );
  }
  return {
    committedChunks,
    totalChunks: plan.tables.reduce((n, t) => n + t.chunks, 0),
    table: plan.tables[tableIndex]?.target,
    tableIndex,
    retrying: failing.map((f) => ({ key: f.key, attempts: f.attempts, error: firstLine(f.last_error) })),
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}

/**
 * Waits until the workers have loaded every chunk of a queued job and returns the report recorded with its last
 * chunk. Fails when a chunk has used all its attempts, or when the job was planned again or rolled back meanwhile.
 */
export async function waitForQueuedJob(
  db: SqlExecutor,
  plan: QueuedJobPlan,
  options: { pollMs?: number; onProgress?: (p: QueuedJobProgress) => void } = {},
): Promise<MigrationReport> {
  for (;;) {
    const report = await readJobReport(db, plan.jobId);
    if ((await readJobPlanId(db, plan.jobId)) !== plan.planId) {
      throw new FerryError('FERRY_ERR_CONFLICT', `Job ${plan.jobId} was planned again by another process`);
    }
    if (report) return report;
    const [job] = await db.query<{ status: string }>('SELECT status FROM ferry_jobs WHERE job_id = $1', [plan.jobId]);
    if (job?.status === 'rolled_back') {
      throw new FerryError('FERRY_ERR_CONFLICT', `Job ${plan.jobId} was rolled back while it was loading`);
    }
    options.onProgress?.(await queuedJobProgress(db, plan));
    await sleep(options.pollMs ?? 500);
  }
}
