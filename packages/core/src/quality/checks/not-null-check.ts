import { z } from 'zod';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const paramsSchema = z.strictObject({
  column: z.string().min(1),
  /** Only rows where all these columns hold a value are considered (e.g. discharge method once discharged). */
  requiredWith: z.array(z.string().min(1)).default([]),
});

/**
 * Completeness: the column holds a value (NULL and blank text fail). Every row of the job is considered, or, with
 * `requiredWith`, the rows where those columns hold a value.
 *
 * @example
 * { "kind": "not_null", "table": "LOAD_PMI", "params": { "column": "SURNAME" } }
 * { "kind": "not_null", "table": "LOAD_ADT_ADMISSIONS", "params": { "column": "DISCHARGE_METHOD", "requiredWith": ["DISCHARGE_DTTM"] } }
 */
export const notNullCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'not_null',
  paramsSchema,
  field: (p) => p.column,
  message: (p) =>
    p.requiredWith.length
      ? `${p.column} is missing although ${p.requiredWith.join(', ')} is present`
      : `${p.column} is missing`,
  columns: (def, p) => [p.column, ...p.requiredWith].map((c) => ({ table: def.table, column: c })),
  rowsSql: ({ params, table, lineage, sql }) => {
    const when = params.requiredWith.map((c) => ` AND NOT ${isBlank(col('t', c))}`).join('');
    return `SELECT ${lineage}, ${isBlank(col('t', params.column))} AS failed FROM ${table} t WHERE ${inJob('t', sql)}${when}`;
  },
};
