import { z } from 'zod';
import { reportSubjectSchema } from '../provenance/report-subject.js';
import { checkDimensions, checkSeverities } from './check-model.js';

/** One offending row: its target key and lineage (keys only, never values). */
export const offendingRowSchema = z.object({
  targetKey: z.string(),
  sourceTable: z.string().nullable(),
  sourceKey: z.string().nullable(),
  /** The column(s) the finding is about. */
  field: z.string(),
});
export type OffendingRow = z.infer<typeof offendingRowSchema>;

/**
 * The raw result of one check on one job. No PASS/FAIL here: thresholds are applied at gate time.
 * `executed` is false when the check could not run (its table or a column is not in the target), with the reason.
 */
export const checkResultSchema = z.object({
  id: z.string(),
  domain: z.string(),
  dimension: z.enum(checkDimensions),
  severity: z.enum(checkSeverities),
  table: z.string(),
  kind: z.string(),
  description: z.string(),
  /** The issue message of an offending row (no patient values). */
  message: z.string(),
  tags: z.array(z.string()),
  executed: z.boolean(),
  notRunReason: z.string().optional(),
  /** Failing rows (exact). */
  numerator: z.number().int().nonnegative(),
  /** Rows considered (exact). */
  denominator: z.number().int().nonnegative(),
  /** numerator / denominator; 0 when nothing was considered. */
  rate: z.number().min(0).max(1),
  /** The first offending rows in target key order, at most the report's `offendingLimit`. */
  offending: z.array(offendingRowSchema),
  offendingTruncated: z.boolean(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** Rolled-up figures for one quality domain (PMI, RTT, OPD, IWL, ADT, MH, ...) or for all of them. */
export const qualityKpiSchema = z.object({
  checksRun: z.number().int().nonnegative(),
  checksNotRun: z.number().int().nonnegative(),
  /** Checks with at least one failing row. */
  checksWithFailures: z.number().int().nonnegative(),
  /** Error-severity checks with at least one failing row. */
  errorChecksWithFailures: z.number().int().nonnegative(),
  /** Failing rows of error-severity checks. */
  errorFailingRows: z.number().int().nonnegative(),
  /** Sum of denominators of the checks run. */
  rowsConsidered: z.number().int().nonnegative(),
  /** Sum of numerators of the checks run. */
  rowsFailed: z.number().int().nonnegative(),
  /** 1 - rowsFailed / rowsConsidered (1 when nothing was considered). */
  passedRowsShare: z.number().min(0).max(1),
});
export type QualityKpi = z.infer<typeof qualityKpiSchema>;

export const domainKpiSchema = qualityKpiSchema.extend({ domain: z.string() });
export type DomainKpi = z.infer<typeof domainKpiSchema>;

const qualityReportFields = {
  jobId: z.string(),
  asOfDate: z.string(),
  generatedAt: z.string(),
  offendingLimit: z.number().int().positive(),
  checks: z.array(checkResultSchema),
  kpis: z.array(domainKpiSchema),
  totals: qualityKpiSchema,
};

/** A quality report written before reports named their subject (only the job id); still readable. */
export const qualityReportV1Schema = z.object({ version: z.literal(1), ...qualityReportFields });
export type QualityReportV1 = z.infer<typeof qualityReportV1Schema>;

/**
 * The `check` stage's artefact, v2: raw results of every check of one job, ordered by check id, with KPIs per
 * domain (ordered by domain) and overall. `subject` names the job, its contract hash and its source fingerprint, as
 * the target recorded them; `rowsLoaded` the job's rows in the target per table when the checks ran (never all 0:
 * a check over nothing is refused). Only `generatedAt` carries a time.
 */
export const qualityReportV2Schema = z.object({
  version: z.literal(2),
  ...qualityReportFields,
  subject: reportSubjectSchema,
  rowsLoaded: z.record(z.string(), z.number().int().nonnegative()),
  /** The pack whose checks ran (null when the checks came from elsewhere): the gate applies that pack's profile. */
  pack: z.string().nullable(),
});
export type QualityReportV2 = z.infer<typeof qualityReportV2Schema>;

/**
 * Reads a quality report of any version (v1 names only its job). Ferry writes v2.
 *
 * @example
 * const report = qualityReportSchema.parse(JSON.parse(readFileSync('quality_report.json', 'utf8')));
 */
export const qualityReportSchema = z.discriminatedUnion('version', [qualityReportV1Schema, qualityReportV2Schema]);
export type QualityReport = z.infer<typeof qualityReportSchema>;
