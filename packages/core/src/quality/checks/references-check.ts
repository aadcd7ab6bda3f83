import { z } from 'zod';
import { quoteIdent } from '../../store/sql-database.js';
import { type CheckKind, col, inJob } from '../check-kind.js';

const paramsSchema = z.strictObject({
  /** The link column of the checked (child) table, e.g. `LOADPMI_RECORD_NUMBER`. */
  column: z.string().min(1),
  parentTable: z.string().min(1),
  parentColumn: z.string().min(1).default('RECORD_NUMBER'),
  /** By default the parent must have been loaded by the same job; true accepts a parent from any job. */
  anyJob: z.boolean().default(false),
});

/**
 * Referential integrity: a present link finds its parent row (in the same job by default). Orphans are
 * offending. Rows with no link are not considered (completeness is `not_null`'s job).
 *
 * @example
 * { "kind": "references", "table": "LOAD_REFERRALS", "params": { "column": "LOADPMI_RECORD_NUMBER", "parentTable": "LOAD_PMI" } }
 */
export const referencesCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'references',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} has no matching ${p.parentTable}.${p.parentColumn}`,
  columns: (def, p) => [
    { table: def.table, column: p.column },
    { table: p.parentTable, column: p.parentColumn },
  ],
  rowsSql: ({ params, table, lineage, sql }) => {
    const v = col('t', params.column);
    const job = params.anyJob ? '' : ` AND ${inJob('p', sql)}`;
    return `SELECT ${lineage}, NOT EXISTS (SELECT 1 FROM ${quoteIdent(params.parentTable)} p WHERE ${col('p', params.parentColumn)} = ${v}${job}) AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND ${v} IS NOT NULL`;
  },
};
