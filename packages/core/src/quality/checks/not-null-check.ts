import { z } from 'zod';
import { type CheckKind, col, isBlank, inJob } from '../check-kind.js';

const paramsSchema = z.strictObject({ column: z.string().min(1) });

/**
 * Completeness: the column holds a value (NULL and blank text fail). Every row of the job is considered.
 *
 * @example
 * { "kind": "not_null", "table": "LOAD_PMI", "params": { "column": "SURNAME" } }
 */
export const notNullCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'not_null',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} is missing`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql }) =>
    `SELECT ${lineage}, ${isBlank(col('t', params.column))} AS failed FROM ${table} t WHERE ${inJob('t', sql)}`,
};
