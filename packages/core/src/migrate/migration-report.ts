import { z } from 'zod';
import { contractHash } from '../contract/contract-hash.js';
import type { MappingContract } from '../contract/contract-model.js';

export const tableLoadSchema = z.object({
  sourceTable: z.string(),
  targetTable: z.string(),
  domain: z.string(),
  read: z.number().int(),
  /** inserted + updated */
  loaded: z.number().int(),
  /** Rows loaded as new target rows. */
  inserted: z.number().int(),
  /** Rows that replaced the values of a row holding their natural key (`--on-duplicate update`). */
  updated: z.number().int(),
  /** Of `updated`: rows that replaced a row this job loaded (a duplicate within the job; the last one wins). */
  updatedWithinJob: z.number().int(),
  rejected: z.number().int(),
  outOfScope: z.number().int(),
  /** Rows not loaded because their natural key was already present; counted within outOfScope. */
  duplicatesSkipped: z.number().int(),
  /** Blank or whitespace-only source lines (nothing to load); counted within outOfScope. */
  blankLines: z.number().int().default(0),
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

/** The source date format a date field was read in: declared in its contract row, or decided from its whole column. */
export const fieldDateFormatSchema = z.object({
  sourceTable: z.string(),
  source: z.array(z.string()),
  targetTable: z.string(),
  field: z.string(),
  format: z.array(z.string()),
  basis: z.enum(['declared', 'decided']),
  /** Decided: the non-blank values it was decided from. */
  values: z.number().int().optional(),
});
export type FieldDateFormat = z.infer<typeof fieldDateFormatSchema>;
/** How a source table's file was read: its encoding (and how it was settled), delimiter and line end. */
export const sourceFileSchema = z.object({
  table: z.string(),
  file: z.string(),
  encoding: z.string(),
  /** declared, bom, valid-utf-8 (the whole file) or not-utf-8 (no UTF-8 anywhere: Windows-1252). */
  encodingSource: z.string(),
  delimiter: z.string(),
  delimiterSource: z.string(),
  lineEnding: z.string(),
});
export type SourceFile = z.infer<typeof sourceFileSchema>;

const migrationReportFields = {
  jobId: z.string(),
  contract: z.object({ name: z.string(), label: z.string(), hash: z.string() }),
  releaseProfile: z.string(),
  tables: z.array(tableLoadSchema),
  unmappedSourceTables: z.array(unmappedSourceTableSchema),
  /** How each source file was read (sources that are files); absent in reports made before it was recorded. */
  sourceFiles: z.array(sourceFileSchema).optional(),
  totals: z.object({
    read: z.number().int(),
    loaded: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    outOfScope: z.number().int(),
    duplicatesSkipped: z.number().int(),
    blankLines: z.number().int().default(0),
    rejectRows: z.number().int(),
  }),
  balanced: z.boolean(),
  /** How each date field was read. Absent in reports written before it existed. */
  dateFormats: z.array(fieldDateFormatSchema).default([]),
};

/** A migration report written before reports named their source (no `sourceFingerprint`); still readable. */
export const migrationReportV1Schema = z.object({ version: z.literal(1), ...migrationReportFields });
export type MigrationReportV1 = z.infer<typeof migrationReportV1Schema>;

/**
 * What a load did, per table: the conservation ledger, v2. Names what it is about: the job, the contract (name, label
 * and content hash) and the source (`sourceFingerprint`: sha256 over the source files' names and sha256s; null when
 * the load was given no fingerprint). Deterministic: no timestamps (timings live in the run record).
 */
export const migrationReportV2Schema = z.object({
  version: z.literal(2),
  ...migrationReportFields,
  sourceFingerprint: z.string().nullable(),
});
export type MigrationReportV2 = z.infer<typeof migrationReportV2Schema>;

/**
 * Reads a migration report of any version (v1 has no `sourceFingerprint`). Ferry writes v2.
 *
 * @example
 * const report = migrationReportSchema.parse(JSON.parse(readFileSync('migration_report.json', 'utf8')));
 * const source = report.version === 2 ? report.sourceFingerprint : null;
 */
export const migrationReportSchema = z.discriminatedUnion('version', [
  migrationReportV1Schema,
  migrationReportV2Schema,
]);
export type MigrationReport = z.infer<typeof migrationReportSchema>;

/**
 * The report of a job from its per-table ledgers: totals, and whether conservation holds
 * (read = loaded + rejected + out of scope, per table and overall).
 */
export function buildMigrationReport(input: {
  jobId: string;
  contract: MappingContract;
  releaseProfile: string;
  /** sha256 over the source files' names and sha256s (`sourceFingerprint`), or null when unknown. */
  sourceFingerprint: string | null;
  tables: TableLoad[];
  unmappedSourceTables: MigrationReport['unmappedSourceTables'];
  /** Lines of the job's rejects file (one per problem). */
  rejectRows: number;
  /** How each date field was read (`decideSourceDateFormats`). */
  dateFormats?: FieldDateFormat[];
  sourceFiles?: SourceFile[];
}): MigrationReportV2 {
  const { tables, unmappedSourceTables, contract } = input;
  const totals = {
    read: 0,
    loaded: 0,
    inserted: 0,
    updated: 0,
    rejected: 0,
    outOfScope: 0,
    duplicatesSkipped: 0,
    blankLines: 0,
    rejectRows: input.rejectRows,
  };
  for (const t of tables) {
    totals.read += t.read;
    totals.loaded += t.loaded;
    totals.inserted += t.inserted;
    totals.updated += t.updated;
    totals.duplicatesSkipped += t.duplicatesSkipped;
    totals.blankLines += t.blankLines;
    totals.rejected += t.rejected;
    totals.outOfScope += t.outOfScope;
  }
  for (const t of unmappedSourceTables) {
    totals.read += t.read;
    totals.outOfScope += t.outOfScope;
  }
  return {
    version: 2,
    jobId: input.jobId,
    contract: { name: contract.name, label: contract.label, hash: contractHash(contract) },
    sourceFingerprint: input.sourceFingerprint,
    releaseProfile: input.releaseProfile,
    tables,
    unmappedSourceTables,
    ...(input.sourceFiles ? { sourceFiles: input.sourceFiles } : {}),
    totals,
    balanced: tables.every((t) => t.balanced) && totals.read === totals.loaded + totals.rejected + totals.outOfScope,
    dateFormats: input.dateFormats ?? [],
  };
}
