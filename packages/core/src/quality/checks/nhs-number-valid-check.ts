import { z } from 'zod';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const paramsSchema = z.strictObject({ column: z.string().min(1) });

/**
 * SQL that is TRUE when a text expression is ten digits with a correct Modulus 11 check digit
 * (weights 10..2 on digits 1-9; check = (11 - sum mod 11) mod 11, and 10 is never valid).
 */
export function nhsNumberValidSql(v: string): string {
  const sum = Array.from({ length: 9 }, (_, i) => `substr(${v}, ${i + 1}, 1)::int * ${10 - i}`).join(' + ');
  return `(CASE WHEN ${v} ~ '^[0-9]{10}$' THEN (11 - ((${sum}) % 11)) % 11 = substr(${v}, 10, 1)::int ELSE false END)`;
}

/**
 * Validity: a present NHS number is 10 digits with a correct Modulus 11 check digit. Computed in SQL, so it
 * scales with the table. Rows with no NHS number are not considered (completeness is `not_null`'s job).
 * Repdigits pass Modulus 11: pair this with `not_repdigit`.
 *
 * @example
 * { "kind": "nhs_number_valid", "table": "LOAD_PMI", "params": { "column": "NHS_NUMBER" } }
 */
export const nhsNumberValidCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'nhs_number_valid',
  paramsSchema,
  field: (p) => p.column,
  message: () => 'NHS number fails Modulus 11',
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql }) => {
    const v = `${col('t', params.column)}::text`;
    return `SELECT ${lineage}, NOT ${nhsNumberValidSql(v)} AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND NOT ${isBlank(v)}`;
  },
};
