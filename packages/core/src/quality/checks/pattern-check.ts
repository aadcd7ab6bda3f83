import { z } from 'zod';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const paramsSchema = z.strictObject({
  column: z.string().min(1),
  /** A PostgreSQL regular expression (POSIX ARE) the whole value must match; anchor it with ^ and $. */
  regex: z
    .string()
    .min(1)
    .refine((r) => {
      try {
        new RegExp(r);
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression'),
  caseInsensitive: z.boolean().default(false),
  /** Exact values accepted although they do not match (e.g. default codes V81997, V81998, V81999). */
  allow: z.array(z.string()).default([]),
  /** A short name of the format for messages, e.g. `UK postcode`. */
  format: z.string().min(1).optional(),
});

/**
 * Validity: a present value matches a regular expression, or is one of the `allow` values.
 * Use it for postcodes (with the ZZ99 pseudo-postcodes), ODS codes, GMC-style staff codes, ICD-10 and OPCS-4.
 *
 * @example
 * { "kind": "pattern", "table": "LOAD_PMI", "params": { "column": "GP_PRACTICE_CODE", "regex": "^[A-Z][0-9]{5}$", "format": "ODS GP practice code" } }
 */
export const patternCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'pattern',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} does not match the ${p.format ?? 'expected'} format`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql }) => {
    const v = `${col('t', params.column)}::text`;
    const op = params.caseInsensitive ? '~*' : '~';
    const allowed = params.allow.length > 0 ? ` AND NOT (${v} = ANY(${sql.add(params.allow)}::text[]))` : '';
    return `SELECT ${lineage}, (NOT (${v} ${op} ${sql.add(params.regex)})${allowed}) AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND NOT ${isBlank(v)}`;
  },
};
