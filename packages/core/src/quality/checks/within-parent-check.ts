import { z } from 'zod';
import { quoteIdent } from '../../store/sql-database.js';
import { type CheckKind, col, inJob, temporal } from '../check-kind.js';

const paramsSchema = z.strictObject({
  /** The child's link column to its parent, e.g. `LOADADMISSION_RECORD_NUMBER`. */
  link: z.string().min(1),
  parentTable: z.string().min(1),
  parentKey: z.string().min(1).default('RECORD_NUMBER'),
  /** The child's start column. */
  start: z.string().min(1),
  /** The child's end column (optional). */
  end: z.string().min(1).optional(),
  parentStart: z.string().min(1),
  parentEnd: z.string().min(1).optional(),
  /** `date` compares calendar days (the default: a date and a timestamp of the same day are in order). */
  granularity: z.enum(['date', 'exact']).default('date'),
});

/**
 * Plausibility across a parent link: the child's period lies inside its parent's (episodes inside their spell,
 * ward stays inside their episode; with only starts, e.g. a TCI not before its list entry's decision to admit).
 * Considered: child rows of the job that find their parent in the job and where both starts are present.
 * Offending: child start before parent start, or after parent end; child end after parent end, or before parent
 * start. A missing end is not compared (unknown, not open).
 *
 * @example
 * { "kind": "within_parent", "table": "LOAD_EPISODES", "params": { "link": "LOADADMISSION_RECORD_NUMBER",
 *   "parentTable": "LOAD_ADMISSIONS", "start": "EPISODE_START_DATE", "end": "EPISODE_END_DATE",
 *   "parentStart": "ADMISSION_DATE", "parentEnd": "DISCHARGE_DATE" } }
 */
export const withinParentCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'within_parent',
  paramsSchema,
  field: (p) => (p.end ? `${p.start},${p.end}` : p.start),
  message: (p) => `${p.end ? `${p.start}-${p.end}` : p.start} is outside its ${p.parentTable} dates`,
  columns: (def, p) => [
    { table: def.table, column: p.link },
    { table: def.table, column: p.start },
    ...(p.end ? [{ table: def.table, column: p.end }] : []),
    { table: p.parentTable, column: p.parentKey },
    { table: p.parentTable, column: p.parentStart },
    ...(p.parentEnd ? [{ table: p.parentTable, column: p.parentEnd }] : []),
  ],
  rowsSql: ({ params, table, lineage, sql }) => {
    const g = params.granularity;
    const cs = temporal(col('t', params.start), g);
    const ps = temporal(col('p', params.parentStart), g);
    const conditions = [`${cs} < ${ps}`];
    if (params.parentEnd) {
      const pe = temporal(col('p', params.parentEnd), g);
      conditions.push(`(${col('p', params.parentEnd)} IS NOT NULL AND ${cs} > ${pe})`);
      if (params.end) {
        const ce = temporal(col('t', params.end), g);
        conditions.push(
          `(${col('t', params.end)} IS NOT NULL AND ${col('p', params.parentEnd)} IS NOT NULL AND ${ce} > ${pe})`,
        );
      }
    }
    if (params.end) {
      conditions.push(`(${col('t', params.end)} IS NOT NULL AND ${temporal(col('t', params.end), g)} < ${ps})`);
    }
    return `SELECT ${lineage}, (${conditions.join(' OR ')}) AS failed FROM ${table} t JOIN ${quoteIdent(params.parentTable)} p ON ${col('p', params.parentKey)} = ${col('t', params.link)} AND ${inJob('p', sql)} WHERE ${inJob('t', sql)} AND ${col('t', params.start)} IS NOT NULL AND ${col('p', params.parentStart)} IS NOT NULL`;
  },
};
