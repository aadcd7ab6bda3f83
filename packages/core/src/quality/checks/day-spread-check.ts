import { z } from 'zod';
import { type CheckKind, col, inJob } from '../check-kind.js';

const paramsSchema = z.strictObject({
  column: z.string().min(1),
  /** Fewer present dates than this are not judged: a small column may by chance have no day after the 12th. */
  minRows: z.number().int().min(1).default(30),
});

/**
 * Plausibility of a whole date column, judged apart from the load's transform: real dates fall after the 12th of
 * their month about 60% of the time, so a column of at least `minRows` dates with no day after the 12th was most
 * likely read with day and month swapped (a US extract read as UK, or the reverse). Every present row of such a
 * column is offending; otherwise none is. With 30 rows, genuine dates do that by chance about once in 10^12.
 *
 * @example
 * { "kind": "day_spread", "table": "LOAD_PMI", "params": { "column": "DATE_OF_BIRTH" } }
 */
export const daySpreadCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'day_spread',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} has no day after the 12th in the whole column: day and month may be swapped`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql }) => {
    const v = col('t', params.column);
    const day = `extract(day from (${v})::date)`;
    return `SELECT ${lineage}, (max(${day}) OVER () <= 12 AND count(*) OVER () >= ${sql.add(params.minRows)}::int) AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND ${v} IS NOT NULL`;
  },
};
