import { z } from 'zod';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const paramsSchema = z.strictObject({ column: z.string().min(1) });

/**
 * Validity: a present value is not one digit repeated (0000000000 ... 9999999999), the placeholders legacy
 * systems use for unknown NHS numbers; they pass Modulus 11. Rows with no value are not considered.
 *
 * @example
 * { "kind": "not_repdigit", "table": "LOAD_PMI", "params": { "column": "NHS_NUMBER" } }
 */
export const notRepdigitCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'not_repdigit',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} is a repeated-digit placeholder`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql }) => {
    const v = `${col('t', params.column)}::text`;
    return `SELECT ${lineage}, (${v} ~ '^[0-9]+$' AND length(${v}) > 1 AND ${v} = repeat(left(${v}, 1), length(${v}))) AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND NOT ${isBlank(v)}`;
  },
};
