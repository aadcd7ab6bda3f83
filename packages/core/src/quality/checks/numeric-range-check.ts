import { z } from 'zod';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const paramsSchema = z
  .strictObject({
    column: z.string().min(1),
    min: z.number().optional(),
    max: z.number().optional(),
    /** The value must be a whole multiple of this step (e.g. 0.25 for dioptres, 0.02 for logMAR). */
    step: z.number().positive().optional(),
    /** A short name of what the value is, for messages, e.g. `sphere (D)`. */
    label: z.string().min(1).optional(),
  })
  .refine((p) => p.min !== undefined || p.max !== undefined || p.step !== undefined, 'needs min, max or step')
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, 'min is above max');

function describe(p: z.infer<typeof paramsSchema>): string {
  const parts: string[] = [];
  if (p.min !== undefined && p.max !== undefined) parts.push(`${p.min} to ${p.max}`);
  else if (p.min !== undefined) parts.push(`at least ${p.min}`);
  else if (p.max !== undefined) parts.push(`at most ${p.max}`);
  if (p.step !== undefined) parts.push(`in steps of ${p.step}`);
  return parts.join(' ');
}

/**
 * Validity or plausibility of a number: a present value lies in `[min, max]` and is a whole multiple of `step`.
 * A value that is not a number at all is offending too. Compared as exact decimals (no floating-point drift).
 *
 * @example
 * { "kind": "numeric_range", "table": "prescription", "params": { "column": "right_sphere", "min": -25, "max": 25, "step": 0.25 } }
 */
export const numericRangeCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'numeric_range',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.label ?? p.column} is not ${describe(p)}`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  rowsSql: ({ params, table, lineage, sql }) => {
    const text = `btrim(${col('t', params.column)}::text)`;
    const n = `(CASE WHEN ${text} ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN ${text}::numeric END)`;
    const bad: string[] = [`${n} IS NULL`];
    if (params.min !== undefined) bad.push(`${n} < ${sql.add(String(params.min))}::numeric`);
    if (params.max !== undefined) bad.push(`${n} > ${sql.add(String(params.max))}::numeric`);
    if (params.step !== undefined) bad.push(`mod(${n}, ${sql.add(String(params.step))}::numeric) <> 0`);
    return `SELECT ${lineage}, coalesce(${bad.join(' OR ')}, TRUE) AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND NOT ${isBlank(col('t', params.column))}`;
  },
};
