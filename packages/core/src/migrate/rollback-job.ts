import { FerryError } from '../errors.js';
import { quoteIdent, type SqlDatabase } from '../store/sql-database.js';
import { jobTablesSql } from './target-ddl.js';
import { laterUpdaters, laterUpdatersError, type TableUndo, undoJobRows } from './undo-job-rows.js';

export interface RollbackResult {
  jobId: string;
  /**
   * Per target table, in the order they were undone (reverse load order): rows the job inserted, removed, and rows it
   * updated (`--on-duplicate update`), restored to their before-images.
   */
  removed: TableUndo[];
}

/**
 * Rolls one job back: removes exactly the rows that job inserted and restores exactly the rows it updated (values and
 * lineage, from their before-images), in every table it loaded, children before parents, with its rejects and
 * checkpoints, in one transaction, and records the rollback. Other jobs' rows are untouched. A job whose rows a later
 * job updated is refused, naming that job: roll the later one back first (undoing in reverse order keeps every step
 * exact).
 */
export async function rollbackJob(db: SqlDatabase, jobId: string): Promise<RollbackResult> {
  await db.exec(jobTablesSql);
  return db.transaction(async (tx) => {
    const [job] = await tx.query<{ tables: string; status: string }>(
      'SELECT tables::text AS tables, status FROM ferry_jobs WHERE job_id = $1 FOR UPDATE',
      [jobId],
    );
    if (!job) throw new FerryError('FERRY_ERR_NOT_FOUND', `No job ${jobId} in ${db.displayUrl}`);
    if (job.status === 'rolled_back') throw new FerryError('FERRY_ERR_USAGE', `Job ${jobId} is already rolled back`);
    const tables = (JSON.parse(job.tables) as string[]).reverse();
    const removed = await undoJobRows(tx, jobId, tables);
    await tx.query('DELETE FROM ferry_rejects WHERE job_id = $1', [jobId]);
    await tx.query('DELETE FROM ferry_job_chunks WHERE job_id = $1', [jobId]);
    await tx.query(`UPDATE ferry_jobs SET status = 'rolled_back', finished_at = now() WHERE job_id = $1`, [jobId]);
    await tx.query(`INSERT INTO ferry_job_events (job_id, event, detail) VALUES ($1, 'rolled_back', $2)`, [
      jobId,
      JSON.stringify({ removed }),
    ]);
    return { jobId, removed };
  });
}

/** What rolling a job back would do, read without changing anything: for a confirmation, before `rollbackJob`. */
export interface RollbackPreview {
  jobId: string;
  /** The job's status in the target (`completed`, `failed`, `rolled_back`, ...). */
  status: string;
  /** Per target table, children first (the order `rollbackJob` undoes them): rows it would remove and restore. */
  tables: TableUndo[];
  /** Why `rollbackJob` would refuse (already rolled back; later jobs updated its rows), or null. */
  refusal: string | null;
}

/**
 * Reads what `rollbackJob` would do to one job, changing nothing: the rows it would remove and restore per table, and
 * the refusal it would give (the same message), so that a person confirms the exact effect first. FERRY_ERR_NOT_FOUND
 * for a job the target does not hold.
 *
 * @example
 * const preview = await previewRollback(db, 'JOB-1'); // { jobId, status: 'completed', tables: [...], refusal: null }
 */
export async function previewRollback(db: SqlDatabase, jobId: string): Promise<RollbackPreview> {
  const [hasJobs] = await db.query<{ t: string | null }>(`SELECT to_regclass('ferry_jobs')::text AS t`);
  if (!hasJobs?.t) throw new FerryError('FERRY_ERR_NOT_FOUND', `No job ${jobId} in ${db.displayUrl}`);
  const [job] = await db.query<{ tables: string; status: string }>(
    'SELECT tables::text AS tables, status FROM ferry_jobs WHERE job_id = $1',
    [jobId],
  );
  if (!job) throw new FerryError('FERRY_ERR_NOT_FOUND', `No job ${jobId} in ${db.displayUrl}`);
  const listed = (JSON.parse(job.tables) as string[]).reverse();
  const images = await db.query<{ t: string; n: string }>(
    'SELECT target_table AS t, count(*)::text AS n FROM ferry_row_images WHERE job_id = $1 GROUP BY 1 ORDER BY 1',
    [jobId],
  );
  const tables: TableUndo[] = [];
  for (const table of [...listed, ...images.map((r) => r.t).filter((t) => !listed.includes(t))]) {
    const [exists] = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [quoteIdent(table)]);
    const [held] = exists?.t
      ? await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table)} WHERE ferry_job_id = $1`, [
          jobId,
        ])
      : [{ n: '0' }];
    const restored = Number(images.find((r) => r.t === table)?.n ?? 0);
    tables.push({ table, rows: Number(held?.n ?? 0) - restored, restored });
  }
  let refusal: string | null = null;
  if (job.status === 'rolled_back') refusal = `Job ${jobId} is already rolled back`;
  else {
    const later = await laterUpdaters(db, jobId);
    if (later.length) refusal = laterUpdatersError(jobId, later).message;
  }
  return { jobId, status: job.status, tables, refusal };
}
