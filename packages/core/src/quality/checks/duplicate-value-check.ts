import { z } from 'zod';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const paramsSchema = z.strictObject({ column: z.string().min(1) });

/**
 * Uniqueness of a value that must identify one entity (one NHS number on two patients): every row of the job
 * that shares a present value with another row is offending, the first holder included, because a person has
 * to decide which record is right. Rows with no value are not considered.
 *
 * @example
 * { "kind": "duplicate_value", "table": "LOAD_PMI", "params": { "column": "NHS_NUMBER" } }
 */
export const duplicateValueCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'duplicate_value',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} is shared with another row`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql }) => {
    const v = col('t', params.column);
    return `SELECT ${lineage}, count(*) OVER (PARTITION BY ${v}) > 1 AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND NOT ${isBlank(v)}`;
  },
};
