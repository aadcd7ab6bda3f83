import type { CatalogTable } from '../../catalog/catalog-model.js';
import { quoteIdent, type SqlExecutor } from '../../store/sql-database.js';
import { KeySet } from '../key-set.js';
import { NaturalKeyIndex } from '../natural-key-index.js';
import { comparisonType, targetKeyColumn } from '../target-ddl.js';

function column(table: CatalogTable, name: string) {
  return table.columns.find((c) => c.name === name)!;
}

/**
 * Which of the given target keys this job has already loaded into a table (by its primary key index). A chunk task
 * checks its candidate keys only, instead of holding every key of the job as the in-process load does.
 */
export async function existingJobKeys(
  db: SqlExecutor,
  jobId: string,
  table: CatalogTable,
  keys: Iterable<string>,
): Promise<KeySet> {
  const found = new KeySet();
  for (const k of await jobKeysAmong(db, jobId, table, [...new Set(keys)])) found.add(k);
  return found;
}

/** Which of the given (distinct) target keys this job has loaded into a table, by its primary key index. */
export async function jobKeysAmong(
  db: SqlExecutor,
  jobId: string,
  table: CatalogTable,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return [];
  const name = targetKeyColumn(table);
  const rows = await db.query<{ k: string }>(
    `SELECT k FROM unnest($2::text[]) AS k WHERE EXISTS (SELECT 1 FROM ${quoteIdent(table.name)} t
       WHERE t.ferry_job_id = $1 AND t.${quoteIdent(name)} = k::${comparisonType(column(table, name))})`,
    [jobId, keys],
  );
  return rows.map((r) => r.k);
}

/**
 * The rows already in a table (any job's) that hold one of the given natural keys (columns joined with '|'), as
 * `LoadTarget.naturalKeyRows` reads them, in a `NaturalKeyIndex`.
 */
export async function existingNaturalKeys(
  db: SqlExecutor,
  table: CatalogTable,
  columns: readonly string[],
  keys: Iterable<string>,
): Promise<NaturalKeyIndex> {
  const index = new NaturalKeyIndex();
  const list = [...new Set(keys)];
  if (list.length === 0) return index;
  const nk = `concat_ws('|', ${columns.map((c) => `${quoteIdent(c)}::text`).join(', ')})`;
  const rows = await db.query<{ k: string; j: string; t: string }>(
    `SELECT ${nk} AS k, ferry_job_id AS j, ${quoteIdent(targetKeyColumn(table))}::text AS t FROM ${quoteIdent(table.name)}
      WHERE ${columns.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ')} AND ${nk} = ANY($1::text[])`,
    [list],
  );
  for (const r of rows) index.addExisting(r.k, { jobId: r.j, targetKey: r.t });
  return index;
}
