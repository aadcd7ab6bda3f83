import { z } from 'zod';
import { quoteIdent } from '../../store/sql-database.js';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const hopSchema = z.strictObject({
  /** The link column of the previous table (the checked table for the first hop). */
  link: z.string().min(1),
  /** The table the link points at. */
  table: z.string().min(1),
  key: z.string().min(1).default('RECORD_NUMBER'),
});

const paramsSchema = z.strictObject({
  /** The activity date (or timestamp) column of the checked table. */
  column: z.string().min(1),
  /** Links from the checked table to the patient table, the last hop ending at the patient. */
  path: z.array(hopSchema).min(1),
  deathColumn: z.string().min(1).default('DATE_OF_DEATH'),
  /** Rows with one of these values in `column` are not considered (e.g. administrative cancellations). */
  unless: z.strictObject({ column: z.string().min(1), values: z.array(z.string()).min(1) }).optional(),
  /** Rows where this column holds a value are not considered (e.g. `CANCEL_DATE`: a cancelled booking). */
  unlessPresent: z.string().min(1).optional(),
});

/**
 * Plausibility: no activity after death. Each activity row with a date that reaches its patient (through
 * `path`, same job) is considered; it is offending when the patient has a date of death and the activity's day is
 * after it. The activity row is reported, with its own source table and key.
 *
 * @example
 * { "kind": "after_death", "table": "LOAD_OP_APPOINTMENTS",
 *   "params": { "column": "APPOINTMENT_DATE", "path": [{ "link": "LOADPMI_RECORD_NUMBER", "table": "LOAD_PMI" }] } }
 */
export const afterDeathCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'after_death',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} is after the patient's date of death`,
  columns: (def, p) => {
    const refs = [{ table: def.table, column: p.column }];
    let from = def.table;
    for (const hop of p.path) {
      refs.push({ table: from, column: hop.link }, { table: hop.table, column: hop.key });
      from = hop.table;
    }
    refs.push({ table: from, column: p.deathColumn });
    if (p.unless) refs.push({ table: def.table, column: p.unless.column });
    if (p.unlessPresent) refs.push({ table: def.table, column: p.unlessPresent });
    return refs;
  },
  rowsSql: ({ params, table, lineage, sql }) => {
    let prev = 't';
    const joins = params.path.map((hop, i) => {
      const alias = `p${i + 1}`;
      const join = `JOIN ${quoteIdent(hop.table)} ${alias} ON ${col(alias, hop.key)} = ${col(prev, hop.link)} AND ${inJob(alias, sql)}`;
      prev = alias;
      return join;
    });
    const death = col(prev, params.deathColumn);
    const activity = col('t', params.column);
    const unless = params.unless
      ? ` AND (${col('t', params.unless.column)} IS NULL OR NOT (${col('t', params.unless.column)}::text = ANY(${sql.add(params.unless.values)}::text[])))`
      : '';
    const unlessPresent = params.unlessPresent ? ` AND ${isBlank(col('t', params.unlessPresent))}` : '';
    return `SELECT ${lineage}, (${death} IS NOT NULL AND (${activity})::date > (${death})::date) AS failed FROM ${table} t ${joins.join(' ')} WHERE ${inJob('t', sql)} AND ${activity} IS NOT NULL${unless}${unlessPresent}`;
  },
};
