import { z } from 'zod';

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

/** Source vs target, per table and per patient: counts and content hashes of the mapped fields. */
export const reconciliationReportSchema = z.object({
  version: z.literal(1),
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
});
export type ReconciliationReport = z.infer<typeof reconciliationReportSchema>;
