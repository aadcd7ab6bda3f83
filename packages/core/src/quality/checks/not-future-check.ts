import { z } from 'zod';
import { type CheckKind, col, inJob } from '../check-kind.js';

const paramsSchema = z.strictObject({ column: z.string().min(1) });

/**
 * Plausibility: a present date (or timestamp, compared by day) is not after the run's as-of date.
 * Use it for recorded events (referral received, discharge, death); booked future activity is allowed to be future.
 *
 * @example
 * { "kind": "not_future", "table": "LOAD_PMI", "params": { "column": "DATE_OF_DEATH" } }
 */
export const notFutureCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'not_future',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} is after the extract date`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql, ctx }) => {
    const v = col('t', params.column);
    return `SELECT ${lineage}, (${v})::date > ${sql.add(ctx.asOfDate)}::date AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND ${v} IS NOT NULL`;
  },
};
