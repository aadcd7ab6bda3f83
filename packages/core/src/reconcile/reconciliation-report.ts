import { z } from 'zod';
import { reportSubjectSchema } from '../provenance/report-subject.js';

export const mismatchKinds = ['changed', 'missing_in_target', 'unexpected_in_target'] as const;

export const tableReconciliationSchema = z.object({
  sourceTable: z.string(),
  targetTable: z.string(),
  /** Source rows that map to a target row (after scope and the contract), minus rows the load rejected. */
  expected: z.number().int(),
  /** Rows of this job in the target. */
  inTarget: z.number().int(),
  matched: z.number().int(),
  changed: z.number().int(),
  missingInTarget: z.number().int(),
  unexpectedInTarget: z.number().int(),
  /** Source rows that map cleanly but the load rejected (orphans, duplicate keys), listed in rejects.csv. */
  explainedByRejects: z.number().int(),
  mismatches: z.array(z.object({ sourceKey: z.string(), kind: z.enum(mismatchKinds) })),
  mismatchesTruncated: z.boolean(),
});
export type TableReconciliation = z.infer<typeof tableReconciliationSchema>;

/**
 * One date field re-read from the raw source apart from the load's transform (`DateReparseCheck`): in the format the
 * whole source column shows (`detected`), or, when its values cannot tell, the one the contract declares.
 */
export const dateReparseResultSchema = z.object({
  sourceTable: z.string(),
  sourceColumn: z.string(),
  targetTable: z.string(),
  field: z.string(),
  basis: z.enum(['detected', 'declared', 'undecided']),
  format: z.array(z.string()),
  /** Target rows of the job compared. */
  compared: z.number().int(),
  agreed: z.number().int(),
  /** Rows whose target value is not the raw source value read in the format: a wrong or broken transform. */
  disagreed: z.number().int(),
  disagreedKeys: z.array(z.string()),
  disagreedKeysTruncated: z.boolean(),
});
export type DateReparseResult = z.infer<typeof dateReparseResultSchema>;

const reconciliationReportFields = {
  jobId: z.string(),
  outcome: z.enum(['MATCH', 'MISMATCH']),
  tables: z.array(tableReconciliationSchema),
  patients: z.object({
    compared: z.number().int(),
    matched: z.number().int(),
    mismatched: z.number().int(),
    mismatchedKeys: z.array(z.string()),
    mismatchedKeysTruncated: z.boolean(),
  }),
  /**
   * Date fields re-read from the raw source with a reader independent of the load's; any disagreement makes the
   * outcome MISMATCH. Absent in reports written before it existed.
   */
  dates: z.array(dateReparseResultSchema).default([]),
};

/** A reconciliation report written before reports named their subject; still readable. */
export const reconciliationReportV1Schema = z.object({ version: z.literal(1), ...reconciliationReportFields });

/**
 * Source vs target, per table and per patient: counts and content hashes of the mapped fields, v2: `subject` names
 * the job, the contract's hash and the source's fingerprint the comparison was made with.
 */
export const reconciliationReportV2Schema = z.object({
  version: z.literal(2),
  ...reconciliationReportFields,
  subject: reportSubjectSchema,
});
export type ReconciliationReportV2 = z.infer<typeof reconciliationReportV2Schema>;

/** Reads a reconciliation report of any version; Ferry writes v2. */
export const reconciliationReportSchema = z.discriminatedUnion('version', [
  reconciliationReportV1Schema,
  reconciliationReportV2Schema,
]);
export type ReconciliationReport = z.infer<typeof reconciliationReportSchema>;
