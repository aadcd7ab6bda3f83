import { FerryError } from '../errors.js';
import type { SqlDatabase } from '../store/sql-database.js';
import { jobTablesSql } from './target-ddl.js';
import { type TableUndo, undoJobRows } from './undo-job-rows.js';

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
