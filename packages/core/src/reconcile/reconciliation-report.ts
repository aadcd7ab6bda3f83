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
