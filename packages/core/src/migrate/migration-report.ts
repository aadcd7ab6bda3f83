import { z } from 'zod';

export const tableLoadSchema = z.object({
  sourceTable: z.string(),
  targetTable: z.string(),
  domain: z.string(),
  read: z.number().int(),
  loaded: z.number().int(),
  rejected: z.number().int(),
  outOfScope: z.number().int(),
  /** Rows not loaded because their natural key was already present; counted within outOfScope. */
  duplicatesSkipped: z.number().int(),
  rejectsByReason: z.record(z.string(), z.number().int()),
  /** read = loaded + rejected + outOfScope */
  balanced: z.boolean(),
});
export type TableLoad = z.infer<typeof tableLoadSchema>;

/** A source table the contract does not load: every row is out of scope. */
export const unmappedSourceTableSchema = z.object({
  sourceTable: z.string(),
  read: z.number().int(),
  outOfScope: z.number().int(),
  reason: z.string(),
});

/**
 * What a load did, per table: the conservation ledger. Deterministic: no timestamps (timings live in the run record).
 */
export const migrationReportSchema = z.object({
  version: z.literal(1),
  jobId: z.string(),
  contract: z.object({ name: z.string(), label: z.string(), hash: z.string() }),
  releaseProfile: z.string(),
  tables: z.array(tableLoadSchema),
  unmappedSourceTables: z.array(unmappedSourceTableSchema),
  totals: z.object({
    read: z.number().int(),
    loaded: z.number().int(),
    rejected: z.number().int(),
    outOfScope: z.number().int(),
    rejectRows: z.number().int(),
  }),
  balanced: z.boolean(),
});
export type MigrationReport = z.infer<typeof migrationReportSchema>;
