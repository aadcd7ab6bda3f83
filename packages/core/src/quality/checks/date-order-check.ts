import { z } from 'zod';
import { type CheckKind, col, inJob, temporal } from '../check-kind.js';

const paramsSchema = z.strictObject({
  /** The column that must not be later, e.g. `ADMISSION_DATE`. */
  earlier: z.string().min(1),
  /** The column that must not be earlier, e.g. `DISCHARGE_DATE`. */
  later: z.string().min(1),
  /** `date` compares calendar days (safe when one side is a date and the other a timestamp). */
  granularity: z.enum(['date', 'exact']).default('exact'),
  /** False makes equal values offending too. */
  allowEqual: z.boolean().default(true),
});

/**
 * Plausibility of two dates of one row: `earlier <= later` when both are present. Rows where either is
 * missing are not considered.
 *
 * @example
 * { "kind": "date_order", "table": "LOAD_ADMISSIONS", "params": { "earlier": "ADMISSION_DATE", "later": "DISCHARGE_DATE" } }
 */
export const dateOrderCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'date_order',
  paramsSchema,
  field: (p) => `${p.earlier},${p.later}`,
  message: (p) => `${p.later} is before ${p.earlier}`,
  columns: (def, p) => [
    { table: def.table, column: p.earlier },
    { table: def.table, column: p.later },
  ],
  rowsSql: ({ params, table, lineage, sql }) => {
    const a = col('t', params.earlier);
    const b = col('t', params.later);
    const op = params.allowEqual ? '>' : '>=';
    return `SELECT ${lineage}, ${temporal(a, params.granularity)} ${op} ${temporal(b, params.granularity)} AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND ${a} IS NOT NULL AND ${b} IS NOT NULL`;
  },
};
