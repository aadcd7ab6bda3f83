import { z } from 'zod';
import { FerryError } from '../../errors.js';
import { type CheckKind, col, inJob, isBlank } from '../check-kind.js';

const paramsSchema = z.strictObject({
  column: z.string().min(1),
  /** The code type in the context's code sets, e.g. `admission_method`. */
  codeType: z.string().min(1),
  /** Retired national codes are valid for historic activity; set false to flag them. */
  allowRetired: z.boolean().default(true),
});

/**
 * Validity: a present code is one of the national codes of its code type (exact, case-sensitive match).
 * The codes come from the run context (`codeSets`), passed as one array parameter.
 *
 * @example
 * { "kind": "code_in_set", "table": "LOAD_ADMISSIONS", "params": { "column": "ADMISSION_METHOD", "codeType": "admission_method" } }
 */
export const codeInSetCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'code_in_set',
  paramsSchema,
  field: (p) => p.column,
  message: (p) => `${p.column} is not a ${p.allowRetired ? '' : 'current '}national code of type ${p.codeType}`,
  columns: (def, p) => [{ table: def.table, column: p.column }],
  codeTypes: (p) => [p.codeType],
  rowsSql: ({ def, params, table, lineage, sql, ctx }) => {
    const set = ctx.codeSets[params.codeType];
    if (!set) {
      throw new FerryError(
        'FERRY_ERR_CHECK_INVALID',
        `Check ${def.id} needs code type '${params.codeType}', which no code set defines`,
        {
          field: 'params.codeType',
        },
      );
    }
    const codes = set.filter((c) => params.allowRetired || !c.retired).map((c) => c.code);
    const v = `${col('t', params.column)}::text`;
    return `SELECT ${lineage}, NOT (${v} = ANY(${sql.add(codes)}::text[])) AS failed FROM ${table} t WHERE ${inJob('t', sql)} AND NOT ${isBlank(v)}`;
  },
};
