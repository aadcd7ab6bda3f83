import { type CheckKind, SqlParams } from '@ferry/core';
import { z } from 'zod';

const paramsSchema = z.strictObject({
  /** The cylinder column (dioptres). */
  cylinder: z.string().min(1),
  /** The axis column (degrees). */
  axis: z.string().min(1),
});

const q = (c: string) => `t."${c.replaceAll('"', '""')}"`;

/**
 * Validity of a prescription's axis: an axis is given exactly when the cylinder is not zero, and lies in 1..180.
 * Considered: rows with a cylinder or an axis.
 *
 * @example
 * { "kind": "rx_axis_with_cylinder", "table": "prescription", "params": { "cylinder": "right_cylinder", "axis": "right_axis" } }
 */
export const rxAxisCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'rx_axis_with_cylinder',
  paramsSchema,
  field: (p) => `${p.cylinder},${p.axis}`,
  message: (p) => `${p.axis} is not 1-180 with a non-zero ${p.cylinder}, or is given without one`,
  columns: (def, p) => [
    { table: def.table, column: p.cylinder },
    { table: def.table, column: p.axis },
  ],
  rowsSql: ({ params, table, lineage, sql }) => {
    const cyl = `nullif(${q(params.cylinder)}::numeric, 0)`;
    const axis = q(params.axis);
    const failed = `(${cyl} IS NULL AND ${axis} IS NOT NULL) OR (${cyl} IS NOT NULL AND (${axis} IS NULL OR ${axis}::integer NOT BETWEEN 1 AND 180))`;
    return `SELECT ${lineage}, coalesce(${failed}, TRUE) AS failed FROM ${table} t WHERE t.ferry_job_id = ${sql.job} AND (${q(params.cylinder)} IS NOT NULL OR ${axis} IS NOT NULL)`;
  },
};

export { SqlParams };
