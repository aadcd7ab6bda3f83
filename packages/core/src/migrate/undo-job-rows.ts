import { FerryError } from '../errors.js';
import { quoteIdent, type SqlExecutor } from '../store/sql-database.js';

/** What undoing a job did to one target table. */
export interface TableUndo {
  table: string;
  /** Rows the job inserted, removed. */
  rows: number;
  /** Rows the job updated, restored to their before-images. */
  restored: number;
}

/**
 * The jobs that later updated rows this job loaded or updated (they hold before-images owned by it), with how many.
 * While any of them stands, undoing this job cannot be exact: its rows are theirs now.
 */
export async function laterUpdaters(tx: SqlExecutor, jobId: string): Promise<{ jobId: string; rows: number }[]> {
  const rows = await tx.query<{ job_id: string; n: string }>(
    `SELECT job_id, count(*)::text AS n FROM ferry_row_images WHERE before_job_id = $1 AND job_id <> $1
      GROUP BY job_id ORDER BY job_id`,
    [jobId],
  );
  return rows.map((r) => ({ jobId: r.job_id, rows: Number(r.n) }));
}

/** The refusal of undoing a job while later jobs updated its rows (naming them, and how many rows each). */
export function laterUpdatersError(jobId: string, later: readonly { jobId: string; rows: number }[]): FerryError {
  const names = later.map((l) => `${l.jobId} (${l.rows} rows)`).join(', ');
  return new FerryError(
    'FERRY_ERR_CONFLICT',
    `Job ${jobId} cannot be undone exactly: later job${later.length > 1 ? 's' : ''} ${names} updated rows it loaded; roll ${later.length > 1 ? 'them' : 'it'} back first`,
    { key: jobId, laterJobs: later.map((l) => l.jobId).join(',') },
  );
}

/**
 * Takes a job's effect off the target, inside the caller's transaction, tables in the order given (children first):
 * every row the job holds is removed, then every row it updated is put back exactly as its before-image recorded it
 * (values and lineage). Refuses, naming them, when later jobs updated rows this job holds or restored: roll those
 * back first.
 */
export async function undoJobRows(tx: SqlExecutor, jobId: string, tablesChildrenFirst: string[]): Promise<TableUndo[]> {
  const later = await laterUpdaters(tx, jobId);
  if (later.length) throw laterUpdatersError(jobId, later);
  // Every table the job holds before-images for is restored, even one missing from the list (never lose an image).
  const imaged = await tx.query<{ t: string }>(
    'SELECT DISTINCT target_table AS t FROM ferry_row_images WHERE job_id = $1 ORDER BY 1',
    [jobId],
  );
  const tables = [...tablesChildrenFirst, ...imaged.map((r) => r.t).filter((t) => !tablesChildrenFirst.includes(t))];
  const out: TableUndo[] = [];
  for (const table of tables) {
    const t = quoteIdent(table);
    const [gone] = await tx.query<{ n: string }>(
      `WITH gone AS (DELETE FROM ${t} WHERE ferry_job_id = $1 RETURNING 1) SELECT count(*)::text AS n FROM gone`,
      [jobId],
    );
    const [back] = await tx.query<{ n: string }>(
      `WITH back AS (
         INSERT INTO ${t} SELECT (jsonb_populate_record(NULL::${t}, image)).* FROM ferry_row_images
          WHERE job_id = $1 AND target_table = $2 RETURNING 1)
       SELECT count(*)::text AS n FROM back`,
      [jobId, table],
    );
    const restored = Number(back?.n ?? 0);
    out.push({ table, rows: Number(gone?.n ?? 0) - restored, restored });
  }
  await tx.query('DELETE FROM ferry_row_images WHERE job_id = $1', [jobId]);
  return out;
}
