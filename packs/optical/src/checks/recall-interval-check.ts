import { type CheckKind, quoteIdent } from '@ferry/core';
import { z } from 'zod';

const paramsSchema = z.strictObject({
  /** The recall's link to its patient and its due date. */
  link: z.string().min(1),
  due: z.string().min(1),
  patientTable: z.string().min(1),
  patientKey: z.string().min(1),
  birthDate: z.string().min(1),
  /** Y/N risk flags of the patient. */
  diabetic: z.string().min(1),
  glaucomaFamilyHistory: z.string().min(1),
  /** The examinations of the patient: their table, link and date. */
  examTable: z.string().min(1),
  examLink: z.string().min(1),
  examDate: z.string().min(1),
  /** Months between a sight test and the recall: the short interval for risk groups, the usual one otherwise. */
  shortMonths: z.number().int().positive().default(12),
  usualMonths: z.number().int().positive().default(24),
  /** Days a recall may fall after its interval (recalls are sent by the month). */
  graceDays: z.number().int().nonnegative().default(31),
});

const c = (alias: string, column: string) => `${alias}.${quoteIdent(column)}`;

/**
 * Recall intervals by age and risk (College of Optometrists / GOS practice): a patient under 16 or 70 or over at the
 * last sight test, with diabetes, or 40 or over with a family history of glaucoma is recalled within 12 months;
 * everyone else within 24. Considered: recalls of the job whose patient is in the job and has an examination on or
 * before the due date. Offending: a due date later than the last examination plus the interval (and the grace days):
 * a patient at risk recalled too late. An earlier recall is the optometrist's choice, never flagged.
 *
 * @example
 * { "kind": "recall_interval_by_risk", "table": "recall", "params": { "link": "patient_id", "due": "due_date",
 *   "patientTable": "patient", "patientKey": "id", "birthDate": "date_of_birth", "diabetic": "diabetic",
 *   "glaucomaFamilyHistory": "glaucoma_family_history", "examTable": "examination", "examLink": "patient_id",
 *   "examDate": "exam_date" } }
 */
export const recallIntervalCheck: CheckKind<z.infer<typeof paramsSchema>> = {
  kind: 'recall_interval_by_risk',
  paramsSchema,
  field: (p) => p.due,
  message: (p) =>
    `${p.due} is later than ${p.shortMonths} months (under 16, 70 or over, diabetes, 40+ with glaucoma in the family) or ${p.usualMonths} months after the last examination`,
  columns: (def, p) => [
    { table: def.table, column: p.link },
    { table: def.table, column: p.due },
    { table: p.patientTable, column: p.patientKey },
    { table: p.patientTable, column: p.birthDate },
    { table: p.patientTable, column: p.diabetic },
    { table: p.patientTable, column: p.glaucomaFamilyHistory },
    { table: p.examTable, column: p.examLink },
    { table: p.examTable, column: p.examDate },
  ],
  rowsSql: ({ params: p, table, lineage, sql }) => {
    const age = `extract(year FROM age(x.last_exam, ${c('p', p.birthDate)}::date))`;
    const atRisk = `(${age} < 16 OR ${age} >= 70 OR upper(${c('p', p.diabetic)}) = 'Y' OR (upper(${c('p', p.glaucomaFamilyHistory)}) = 'Y' AND ${age} >= 40))`;
    const months = `(CASE WHEN ${atRisk} THEN ${p.shortMonths} ELSE ${p.usualMonths} END)`;
    const failed = `${c('t', p.due)}::date > x.last_exam + make_interval(months => ${months}::int) + make_interval(days => ${p.graceDays})`;
    return `SELECT ${lineage}, coalesce(${failed}, TRUE) AS failed FROM ${table} t
      JOIN ${quoteIdent(p.patientTable)} p ON ${c('p', p.patientKey)} = ${c('t', p.link)} AND p.ferry_job_id = ${sql.job}
      CROSS JOIN LATERAL (SELECT max(${c('e', p.examDate)}::date) AS last_exam FROM ${quoteIdent(p.examTable)} e
        WHERE ${c('e', p.examLink)} = ${c('t', p.link)} AND e.ferry_job_id = ${sql.job}
        AND ${c('e', p.examDate)}::date <= ${c('t', p.due)}::date) x
      WHERE t.ferry_job_id = ${sql.job} AND ${c('t', p.due)} IS NOT NULL AND x.last_exam IS NOT NULL`;
  },
};
