import { z } from 'zod';
import { type CheckKind, col, inJob } from '../check-kind.js';
import { checkKeyColumn } from '../check-model.js';

const paramsSchema = z.strictObject({ columns: z.array(z.string().min(1)).min(1) });

/**
 * Uniqueness of a key: among the job's rows whose key columns are all present, every row after the first of a
 * key (first = lowest target key, then source table and key) is offending. A key held three times gives 2.
 * Use `duplicate_value` when every holder of a shared value should be flagged.
 *
 * @example
 * { "kind": "unique", "table": "LOAD_PMI", "params": { "columns": ["RECORD_NUMBER"] } }
 */
export const uniqueCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'unique',
  paramsSchema,
  field: (p) => p.columns.join('+'),
  message: (p) => `Duplicate ${p.columns.join('+')}: another row of the job has the same value`,
  columns: (def, p) => p.columns.map((c) => ({ table: def.table, column: c })),
  rowsSql: ({ params, table, lineage, sql, def }) => {
    const keys = params.columns.map((c) => col('t', c));
    const present = keys.map((k) => `${k} IS NOT NULL`).join(' AND ');
    const key = col('t', checkKeyColumn(def));
    return `SELECT ${lineage}, row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${key}, t.ferry_source_table, t.ferry_source_key) > 1 AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND ${present}`;
  },
};
