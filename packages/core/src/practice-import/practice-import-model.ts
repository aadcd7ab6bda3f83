import { z } from 'zod';
import type { RejectReason } from '../transform/reject-reasons.js';

/** One record that imports: its target table, target key, platform values and where it came from. */
export interface ImportedRecord {
  /** Target table (e.g. `patient`). */
  table: string;
  /** The value of the table's target key (the record's identity within a company). */
  key: string;
  /** Non-blank target values by target column. */
  values: Record<string, string>;
  sourceFile: string;
  sourceLine: number;
}

/** One source record that did not import, and why (reason code and field; never the value). */
export interface ImportReject {
  table: string;
  /** The source key when the record had one, else the empty string. */
  key: string;
  sourceFile: string;
  sourceLine: number;
  reasonCode: RejectReason;
  field: string;
  message: string;
}

/** What a sink does with a record whose key the company already holds. */
export type DuplicatePolicy = 'skip' | 'reject';

/** What one batch did once written. */
export interface BatchOutcome {
  imported: number;
  /** Records already held (same table and key), left as they were because the policy is `skip`. */
  skipped: number;
  /** Rejected records (the batch's own rejects, plus duplicates when the policy is `reject`). */
  rejected: number;
}

/**
 * Where a practice import writes: a company's records, under row-level security in the platform database, or in
 * memory for tests. A batch (records, rejects and the counts) is written in one transaction.
 */
export interface PracticeRecordSink {
  /** The keys among `keys` that the company already holds in `table` (for orphan checks). */
  existingKeys(table: string, keys: readonly string[]): Promise<Set<string>>;
  writeBatch(
    records: readonly ImportedRecord[],
    rejects: readonly ImportReject[],
    duplicates: DuplicatePolicy,
  ): Promise<BatchOutcome>;
}

/** Counts of an import: read = imported + skipped + rejected + outOfScope (conservation). */
export const importCountsSchema = z.object({
  read: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Records the contract's scope filter leaves out (counted, never stored). */
  outOfScope: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export function emptyCounts(): ImportCounts {
  return { read: 0, imported: 0, skipped: 0, rejected: 0, outOfScope: 0 };
}

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return {
    read: a.read + b.read,
    imported: a.imported + b.imported,
    skipped: a.skipped + b.skipped,
    rejected: a.rejected + b.rejected,
    outOfScope: a.outOfScope + b.outOfScope,
  };
}
