import { z } from 'zod';
import { type MappingContract, reviewStatuses } from '../contract/contract-model.js';

/**
 * The minimal migration summary the gate reads: what it is about (job, contract hash, source fingerprint) and one
 * line per loaded source table. The migrate stage's `MigrationReport` (v1 or v2) has this shape (and more); extra
 * fields are ignored.
 *
 * @example
 * const summary = migrationSummarySchema.parse(JSON.parse(readFileSync('migration_report.json', 'utf8')));
 */
export const migrationSummarySchema = z.object({
  /** 1 or 2 (v2 names its source); absent in a hand-made summary. */
  version: z.number().int().optional(),
  /** The job the ledger is about; the gate refuses a summary that does not name it. */
  jobId: z.string().optional(),
  contract: z.object({ hash: z.string() }).passthrough().optional(),
  sourceFingerprint: z.string().nullable().optional(),
  tables: z.array(
    z.object({
      sourceTable: z.string(),
      targetTable: z.string(),
      domain: z.string(),
      read: z.number().int().nonnegative(),
      loaded: z.number().int().nonnegative(),
      rejected: z.number().int().nonnegative(),
      outOfScope: z.number().int().nonnegative(),
      /** Rejected rows per reason code, e.g. `{ CROSSWALK_MISS: 3, ORPHAN: 1 }`. */
      rejectsByReason: z.record(z.string(), z.number().int().nonnegative()),
    }),
  ),
});
export type MigrationSummary = z.infer<typeof migrationSummarySchema>;

/** A mandatory contract field whose mapping is not approved. */
export const unapprovedMandatoryFieldSchema = z.object({
  targetTable: z.string(),
  field: z.string(),
  status: z.enum(reviewStatuses),
  domain: z.string().optional(),
});
export type UnapprovedMandatoryField = z.infer<typeof unapprovedMandatoryFieldSchema>;

/**
 * A person's decision on a blocking finding. It matches a finding with the same `code` and every selector it
 * names (`domain`, `sourceTable`, `targetTable`, `checkId`); `accepted` lets a `triage` rule pass with a warning.
 */
export const triageEntrySchema = z.object({
  code: z.string().min(1),
  domain: z.string().optional(),
  sourceTable: z.string().optional(),
  targetTable: z.string().optional(),
  checkId: z.string().optional(),
  decision: z.enum(['accepted', 'rejected']),
  reviewer: z.string().min(1),
  reviewedAt: z.string().optional(),
  note: z.string().optional(),
});
export type TriageEntry = z.infer<typeof triageEntrySchema>;

/** A triage file: `{ version: 1, entries: [...] }`. */
export const triageFileSchema = z.object({ version: z.literal(1), entries: z.array(triageEntrySchema) });

/**
 * The mandatory fields of a contract whose status is not `approved`, in contract order.
 *
 * @example
 * unapprovedMandatoryFields(contract) // => [{ targetTable: 'LOAD_PMI', field: 'SEX', status: 'reviewed', domain: 'PMI' }]
 */
export function unapprovedMandatoryFields(contract: MappingContract): UnapprovedMandatoryField[] {
  const out: UnapprovedMandatoryField[] = [];
  for (const t of contract.tables) {
    for (const f of t.fields) {
      if (f.mandatory && f.status !== 'approved')
        out.push({ targetTable: t.target, field: f.target, status: f.status, domain: t.domain });
    }
  }
  return out;
}
