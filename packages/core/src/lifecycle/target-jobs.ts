import { resolve } from 'node:path';
import { FerryError } from '../errors.js';
import { rollbackJob } from '../migrate/rollback-job.js';
import { jobTablesSql } from '../migrate/target-ddl.js';
import { openDatabase } from '../store/open-database.js';
import { redactUrl } from '../store/postgres-database.js';
import type { RunRecord } from './run-record.js';
import type { RunStore } from './run-store.js';

/** What a lifecycle's load did to its target's jobs, recorded in the run (`targetJobs`). */
export interface TargetJobs {
  /** Jobs earlier runs of this lifecycle loaded into the same target, rolled back so the new job replaces them. */
  replaced: string[];
  /** Other live jobs in the target (loaded by other lifecycles or by `ferry migrate`): their rows are still there. */
  others: string[];
}

/**
 * One spelling of a target URL: a `pglite:` or `csv:` path made absolute (against the working directory), so that
 * `pglite:.ferry/target` and `pglite:/abs/.ferry/target` name the same target.
 */
export function canonicalTarget(url: string): string {
  for (const scheme of ['pglite:', 'csv:']) {
    if (url.startsWith(scheme)) {
      const path = url.slice(scheme.length);
      return path === 'memory' || path === '' ? url : `${scheme}${resolve(path)}`;
    }
  }
  return url;
}

/** Jobs that earlier runs under the same `--out` loaded (or began loading) into `target`, other than `jobId`. */
export async function earlierLifecycleJobs(store: RunStore, target: string, jobId: string): Promise<string[]> {
  const want = canonicalTarget(target);
  const jobs = new Set<string>();
  for (const run of await store.list()) {
    const migrated = run.stages.find((s) => s.stage === 'migrate');
    if (!run.jobId || run.jobId === jobId || !migrated || migrated.status === 'NotExecuted') continue;
    if (canonicalTarget(run.arguments.target) === want) jobs.add(run.jobId);
  }
  return [...jobs];
}

/**
 * After a lifecycle's load into a database target: rolls back the jobs earlier runs of the same lifecycle (same
 * `--out`) loaded there, so a rerun (at another release profile, with another cohort or contract: a new job id)
 * replaces their rows instead of adding a second copy; and lists the other jobs still live there. Each rollback is
 * exact and recorded in the target (`ferry_job_events`); one whose rows a later job updated is refused, naming it.
 * A CSV target is rewritten by each job, so it has nothing to replace.
 */
export async function replaceEarlierJobs(store: RunStore, target: string, jobId: string): Promise<TargetJobs> {
  if (target.startsWith('csv:')) return { replaced: [], others: [] };
  const earlier = await earlierLifecycleJobs(store, target, jobId);
  const db = await openDatabase(target);
  try {
    await db.exec(jobTablesSql);
    // Latest first: a job is rolled back before any it may have updated.
    const live = async () =>
      (
        await db.query<{ job_id: string }>(
          `SELECT job_id FROM ferry_jobs WHERE status <> 'rolled_back' AND job_id <> $1 ORDER BY started_at DESC, job_id`,
          [jobId],
        )
      ).map((r) => r.job_id);
    const replaced: string[] = [];
    for (const id of (await live()).filter((j) => earlier.includes(j))) {
      await rollbackJob(db, id);
      replaced.push(id);
    }
    return { replaced, others: await live() };
  } finally {
    await db.close();
  }
}

function displayTarget(url: string): string {
  return url.startsWith('postgres://') || url.startsWith('postgresql://') ? redactUrl(url) : url;
}

/**
 * Where a run's rows went and how to start clean, in a few lines for a person: the target and job, the jobs of
 * earlier runs it replaced, other jobs still in the target, and the command (or folder) that removes them.
 *
 * @example
 * whereTheDataWent(record) // => ['data: job job-1a2b... in pglite:.ferry/target (replaces job-9f8e...)', ...]
 */
export function whereTheDataWent(record: Pick<RunRecord, 'jobId' | 'targetJobs' | 'arguments'>): string[] {
  const target = record.arguments.target;
  const shown = displayTarget(target);
  if (!record.jobId) return [];
  const replaced = record.targetJobs?.replaced ?? [];
  const others = record.targetJobs?.others ?? [];
  const lines = [
    `data: job ${record.jobId} in ${shown}` +
      (replaced.length ? ` (replaces ${replaced.join(', ')}, loaded by an earlier run of this lifecycle)` : ''),
  ];
  if (others.length) {
    lines.push(
      `the target also holds ${others.length} other job(s) not from this lifecycle: ${others.slice(0, 3).join(', ')}` +
        `${others.length > 3 ? ', ...' : ''}; \`ferry rollback JOB --target ${shown}\` removes one`,
    );
  }
  if (target.startsWith('csv:')) lines.push(`start clean: delete the folder ${target.slice(4)}`);
  else if (target.startsWith('pglite:') && !['', 'memory'].includes(target.slice('pglite:'.length))) {
    lines.push(
      `start clean: ferry rollback ${record.jobId} --target ${shown}, or delete the folder ${target.slice('pglite:'.length)} (the whole embedded target)`,
    );
  } else lines.push(`start clean: ferry rollback ${record.jobId} --target ${shown}`);
  return lines;
}

/**
 * Before a rerun reuses an earlier run's load (`--from` a stage after migrate): its job must still be live in the
 * database target. A later run of the lifecycle replaces (rolls back) it, and so does `ferry rollback`; then the
 * rerun is refused, asking for a rerun from migrate. A CSV target has no job table and is not checked.
 */
export async function assertJobLive(target: string, jobId: string, runId: string): Promise<void> {
  if (target.startsWith('csv:')) return;
  const db = await openDatabase(target);
  try {
    await db.exec(jobTablesSql);
    const [job] = await db.query<{ status: string }>('SELECT status FROM ferry_jobs WHERE job_id = $1', [jobId]);
    if (!job || job.status === 'rolled_back') {
      throw new FerryError(
        'FERRY_ERR_USAGE',
        `The load of run ${runId} (job ${jobId}) is no longer in ${displayTarget(target)}: ` +
          `${job ? 'it was rolled back or replaced by a later run' : 'the target does not hold it'}; rerun from migrate`,
      );
    }
  } finally {
    await db.close();
  }
}
