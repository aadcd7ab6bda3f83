import type { CatalogColumn, CatalogTable } from '../catalog/catalog-model.js';
import { quoteIdent } from '../store/sql-database.js';

/** The PostgreSQL type of a catalog column in a target database. Flags and codes stay text so they read back as written. */
export function postgresType(column: CatalogColumn): string {
  switch (column.dataType) {
    case 'integer':
      return 'bigint';
    case 'decimal':
      return 'numeric';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamp';
    default:
      return column.maxLength ? `varchar(${column.maxLength})` : 'text';
  }
}

/** The target key column of a LOAD table: its declared primary key, else its first column. */
export function targetKeyColumn(table: CatalogTable): string {
  return (table.columns.find((c) => c.primaryKey) ?? table.columns[0]!).name;
}

/**
 * DDL of a LOAD table in a target database: the catalog's columns, typed, NOT NULL where the catalog says so, plus the
 * lineage columns. The key is (job, target key) so that rehearsal jobs can share a target and be rolled back one by one.
 */
export function createTableSql(table: CatalogTable): string {
  const cols = table.columns.map(
    (c) => `  ${quoteIdent(c.name)} ${postgresType(c)}${c.nullable || c.primaryKey ? '' : ' NOT NULL'}`,
  );
  cols.push('  ferry_job_id text NOT NULL', '  ferry_source_table text NOT NULL', '  ferry_source_key text NOT NULL');
  cols.push(`  PRIMARY KEY (ferry_job_id, ${quoteIdent(targetKeyColumn(table))})`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(table.name)} (\n${cols.join(',\n')}\n)`;
}

/**
 * The job bookkeeping tables of a target: one row per job, one per committed chunk (the checkpoint), the rejects, the
 * job events, and the before-image of every row a job updated (`--on-duplicate update`): the whole row as it was,
 * lineage included, keyed by the updating job, table and target key, so that a rollback restores it exactly.
 */
export const jobTablesSql = `
CREATE TABLE IF NOT EXISTS ferry_jobs (
  job_id text PRIMARY KEY,
  contract_hash text NOT NULL,
  release_profile text NOT NULL,
  batch_size integer NOT NULL,
  status text NOT NULL,
  tables jsonb NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  on_duplicate text,
  source_fingerprint text
);
CREATE TABLE IF NOT EXISTS ferry_job_chunks (
  job_id text NOT NULL,
  target_table text NOT NULL,
  chunk_no integer NOT NULL,
  row_count integer NOT NULL,
  ledger jsonb NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, target_table, chunk_no)
);
CREATE TABLE IF NOT EXISTS ferry_rejects (
  job_id text NOT NULL,
  target_table text NOT NULL,
  chunk_no integer NOT NULL,
  seq integer NOT NULL,
  source_table text NOT NULL,
  source_key text NOT NULL,
  source_line bigint NOT NULL,
  reason_code text NOT NULL,
  field text,
  message text NOT NULL,
  PRIMARY KEY (job_id, target_table, chunk_no, seq)
);
DO $$ BEGIN
  -- A target made before natural-key policies were recorded (checked first: ALTER TABLE would lock the table).
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = 'ferry_jobs' AND column_name = 'on_duplicate') THEN
    ALTER TABLE ferry_jobs ADD COLUMN on_duplicate text;
  END IF;
  -- A target made before jobs recorded the fingerprint of their source files.
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = 'ferry_jobs'
                    AND column_name = 'source_fingerprint') THEN
    ALTER TABLE ferry_jobs ADD COLUMN source_fingerprint text;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS ferry_row_images (
  job_id text NOT NULL,
  target_table text NOT NULL,
  target_key text NOT NULL,
  chunk_no integer NOT NULL,
  before_job_id text NOT NULL,
  image jsonb NOT NULL,
  PRIMARY KEY (job_id, target_table, target_key)
);
CREATE INDEX IF NOT EXISTS ferry_row_images_before_job ON ferry_row_images (before_job_id);
CREATE TABLE IF NOT EXISTS ferry_job_events (
  job_id text NOT NULL,
  event text NOT NULL,
  detail jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);`;

/**
 * The type a text value is cast to when compared with a column (`col = ANY($1::bigint[])`): the column's type without
 * a length, because an explicit cast to varchar(n) would silently truncate.
 */
export function comparisonType(column: CatalogColumn): string {
  const type = postgresType(column);
  return type.startsWith('varchar') ? 'text' : type;
}
