import type { z } from 'zod';
import { quoteIdent } from '../store/sql-database.js';
import type { CheckDefinition } from './check-model.js';
import type { CodeSets } from './code-sets.js';

/** What a check run knows besides the rows: the job, the reference date and the national code sets. */
export interface CheckRunContext {
  /** Only rows with `ferry_job_id = jobId` are checked. */
  jobId: string;
  /** The extract / census date (yyyy-mm-dd) that ages and "not in the future" are measured against. */
  asOfDate: string;
  codeSets: CodeSets;
}

/**
 * Collects the values of one parameterised statement and hands back their placeholders.
 * `$1` is always the job id.
 */
export class SqlParams {
  readonly values: unknown[];
  /** The placeholder of the job id. */
  readonly job = '$1';

  constructor(jobId: string) {
    this.values = [jobId];
  }

  /** Adds a value and returns its placeholder, e.g. `$2`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Everything a kind needs to write its SQL. */
export interface CheckSqlInput<P> {
  def: CheckDefinition;
  params: P;
  ctx: CheckRunContext;
  sql: SqlParams;
  /** The checked table, quoted, e.g. `"LOAD_PMI"`. */
  table: string;
  /** The select list every kind starts with: `t.<key> AS target_key, t.ferry_source_table AS source_table, ...`. */
  lineage: string;
}

/** A table column a check reads: used to validate check definitions against a catalog or a live target. */
export interface CheckColumnRef {
  table: string;
  column: string;
}

/**
 * One kind of quality check. `rowsSql` returns a SELECT with one row per row considered (the denominator) and the
 * columns `target_key`, `source_table`, `source_key` and `failed` (boolean; TRUE is a failing row, the numerator).
 * The checked table has alias `t` and is always filtered on `t.ferry_job_id = $1`.
 * See `quality/README.md` for how to add a kind.
 */
export interface CheckKind<P = unknown> {
  kind: string;
  paramsSchema: z.ZodType<P>;
  /** The field(s) a finding is about, e.g. `NHS_NUMBER` (column names only). */
  field(params: P): string;
  /** The issue message for one offending row. Never patient values. */
  message(params: P): string;
  /** Columns this check reads besides the checked table's key and lineage columns. */
  columns(def: CheckDefinition, params: P): CheckColumnRef[];
  /** Code types this check needs in the context's code sets. */
  codeTypes?(params: P): string[];
  rowsSql(input: CheckSqlInput<P>): string;
}

/** Quotes an identifier with a table alias: `col('t', 'NHS_NUMBER')` => `t."NHS_NUMBER"`. */
export function col(alias: string, column: string): string {
  return `${alias}.${quoteIdent(column)}`;
}

/** SQL that is TRUE when a value is missing: NULL, or blank text once trimmed. */
export function isBlank(expr: string): string {
  return `nullif(btrim(${expr}::text), '') IS NULL`;
}

/** The job filter for a table alias. */
export function inJob(alias: string, sql: SqlParams): string {
  return `${alias}.ferry_job_id = ${sql.job}`;
}

/** Compares two temporal expressions at day or exact granularity. */
export function temporal(expr: string, granularity: 'date' | 'exact'): string {
  return granularity === 'date' ? `(${expr})::date` : expr;
}
