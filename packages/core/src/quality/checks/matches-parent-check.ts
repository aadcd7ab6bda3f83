import { z } from 'zod';
import { quoteIdent } from '../../store/sql-database.js';
import { type CheckKind, col, inJob } from '../check-kind.js';

const paramsSchema = z.strictObject({
  /** The child's link column to its parent, e.g. `LOADREF_RECORD_NUMBER`. */
  link: z.string().min(1),
  parentTable: z.string().min(1),
  parentKey: z.string().min(1).default('RECORD_NUMBER'),
  /** The child's column that must agree with the parent, e.g. `LOADPMI_RECORD_NUMBER`. */
  column: z.string().min(1),
  /** The parent's column it must equal (default: the same name). */
  parentColumn: z.string().min(1).optional(),
});

/**
 * Integrity across two links: a child's column agrees with its parent's (the appointment's patient is the
 * referral's patient; the episode's patient is the spell's). Considered: child rows of the job that find their
 * parent in the job, with both values present.
 *
 * @example
 * { "kind": "matches_parent", "table": "LOAD_OPD_APPOINTMENTS", "params": { "link": "LOADREF_RECORD_NUMBER",
 *   "parentTable": "LOAD_REFERRALS", "column": "LOADPMI_RECORD_NUMBER" } }
 */
export const matchesParentCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'matches_parent',
  paramsSchema,
  field: (p) => p.column,
  message: (p) =>
    `${p.column} differs from ${p.parentTable}.${p.parentColumn ?? p.column} of the row ${p.link} points at`,
  columns: (def, p) => [
    { table: def.table, column: p.link },
    { table: def.table, column: p.column },
    { table: p.parentTable, column: p.parentKey },
    { table: p.parentTable, column: p.parentColumn ?? p.column },
  ],
  rowsSql: ({ params, table, lineage, sql }) => {
    const c = col('t', params.column);
    const pc = col('p', params.parentColumn ?? params.column);
    return `SELECT ${lineage}, ${c} <> ${pc} AS failed FROM ${table} t JOIN ${quoteIdent(params.parentTable)} p ON ${col('p', params.parentKey)} = ${col('t', params.link)} AND ${inJob('p', sql)} WHERE ${inJob('t', sql)} AND ${c} IS NOT NULL AND ${pc} IS NOT NULL`;
  },
};
