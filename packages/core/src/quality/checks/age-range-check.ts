import { z } from 'zod';
import { type CheckKind, col, inJob } from '../check-kind.js';

const paramsSchema = z
  .strictObject({
    /** The date of birth column. */
    column: z.string().min(1),
    minAge: z.number().int().min(0).default(0),
    maxAge: z.number().int().positive().default(115),
    /** When given, a deceased patient's age is measured at death rather than at the as-of date. */
    deathColumn: z.string().min(1).optional(),
  })
  .refine((p) => p.minAge <= p.maxAge, { message: 'minAge must not exceed maxAge', path: ['minAge'] });

/**
 * Plausibility of a date of birth: not after the as-of date, and the age in whole years at the as-of date
 * (or at death, with `deathColumn`) between `minAge` and `maxAge` (default 0-115). Rows with no date of birth are
 * not considered.
 *
 * @example
 * { "kind": "age_range", "table": "LOAD_PMI", "params": { "column": "DATE_OF_BIRTH", "deathColumn": "DATE_OF_DEATH" } }
 */
export const ageRangeCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'age_range',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} is in the future or gives an age outside ${p.minAge}-${p.maxAge}`,
  columns: (def, p) => [
    { table: def.table, column: p.column },
    ...(p.deathColumn ? [{ table: def.table, column: p.deathColumn }] : []),
  ],
  rowsSql: ({ params, table, lineage, sql, ctx }) => {
    const dob = `(${col('t', params.column)})::date`;
    const asOf = `${sql.add(ctx.asOfDate)}::date`;
    const at = params.deathColumn ? `LEAST(${asOf}, (${col('t', params.deathColumn)})::date)` : asOf;
    const age = `date_part('year', age(${at}::timestamp, ${dob}::timestamp))`;
    return `SELECT ${lineage}, (${dob} > ${asOf} OR ${age} < ${params.minAge} OR ${age} > ${params.maxAge}) AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND ${col('t', params.column)} IS NOT NULL`;
  },
};
