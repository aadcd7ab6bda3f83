import { FerryError } from '../errors.js';
import { quoteIdent, type SqlDatabase } from '../store/sql-database.js';
import { jobTablesSql } from './target-ddl.js';

export interface RollbackResult {
  jobId: string;
  /** Rows removed per target table, in the order they were removed (reverse load order). */
  removed: { table: string; rows: number }[];
}

/**
 * Rolls one job back: removes exactly that job's rows from every table it loaded, children before parents, with its
 * rejects and checkpoints, in one transaction, and records the rollback. Other jobs' rows are untouched.
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
    const removed: RollbackResult['removed'] = [];
    for (const table of tables) {
      const rows = await tx.query<{ n: string }>(
        `WITH gone AS (DELETE FROM ${quoteIdent(table)} WHERE ferry_job_id = $1 RETURNING 1) SELECT count(*)::text AS n FROM gone`,
        [jobId],
      );
      removed.push({ table, rows: Number(rows[0]?.n ?? 0) });
    }
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
