import { z } from 'zod';
import { releaseProfiles } from '../contract/contract-model.js';
import { checkDimensions, checkSeverities } from '../quality/check-model.js';

export const checkStatuses = ['PASS', 'WARN', 'FAIL', 'NOT_RUN'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** The codes of gate findings (blocking reasons and warnings). */
export const gateFindingCodes = [
  'CHECK_FAILED',
  'CHECK_WARNING',
  'CHECK_NOT_RUN',
  'UNAPPROVED_MANDATORY_MAPPING',
  'CROSSWALK_MISS',
  'REFERENTIAL_BREAK',
  'CONSERVATION_BROKEN',
  'SUBJECT_UNVERIFIED',
] as const;
export type GateFindingCode = (typeof gateFindingCodes)[number];

/** A reason the gate blocks, or a warning. Keys and counts only, never patient values. */
export const gateFindingSchema = z.object({
  code: z.enum(gateFindingCodes),
  message: z.string(),
  domain: z.string().optional(),
  checkId: z.string().optional(),
  sourceTable: z.string().optional(),
  targetTable: z.string().optional(),
  /** Set when a triage entry accepted a finding that would otherwise block. */
  triagedBy: z.string().optional(),
});
export type GateFinding = z.infer<typeof gateFindingSchema>;

export const gateCheckSchema = z.object({
  id: z.string(),
  domain: z.string(),
  dimension: z.enum(checkDimensions),
  severity: z.enum(checkSeverities),
  table: z.string(),
  numerator: z.number().int().nonnegative(),
  denominator: z.number().int().nonnegative(),
  rate: z.number(),
  status: z.enum(checkStatuses),
  threshold: z.object({
    maxPassRate: z.number(),
    maxWarnRate: z.number(),
    /** Where it came from: `check:<id>`, `rule:<n>` (0-based) or `default:<severity>`. */
    source: z.string(),
  }),
});
export type GateCheck = z.infer<typeof gateCheckSchema>;

const gateReportFields = {
  outcome: z.enum(['PASS', 'FAIL']),
  profile: z.enum(releaseProfiles),
  jobId: z.string(),
  summary: z.object({
    pass: z.number().int(),
    warn: z.number().int(),
    fail: z.number().int(),
    notRun: z.number().int(),
    blocking: z.number().int(),
    warnings: z.number().int(),
  }),
  checks: z.array(gateCheckSchema),
  blocking: z.array(gateFindingSchema),
  warnings: z.array(gateFindingSchema),
};

/** A gate report written before reports named their subject; still readable. */
export const gateReportV1Schema = z.object({ version: z.literal(1), ...gateReportFields });

/**
 * The gate stage's artefact, v2: the outcome under one release profile, every check's status with the threshold
 * used, the blocking reasons and the warnings, and the subject the reports it judged agree on (job, contract hash,
 * source fingerprint; a part is null only when a development gate accepted reports that do not name it, with a
 * SUBJECT_UNVERIFIED warning). A pure function of its inputs (no timestamps).
 */
export const gateReportV2Schema = z.object({
  version: z.literal(2),
  ...gateReportFields,
  subject: z.object({
    jobId: z.string(),
    contractHash: z.string().nullable(),
    sourceFingerprint: z.string().nullable(),
  }),
  /** Where the thresholds came from, in the order they were laid: `built-in`, `pack:<name>`, `file:<path>`. */
  thresholdSources: z.array(z.string()),
});
export type GateReportV2 = z.infer<typeof gateReportV2Schema>;

/** Reads a gate report of any version; Ferry writes v2. */
export const gateReportSchema = z.discriminatedUnion('version', [gateReportV1Schema, gateReportV2Schema]);
export type GateReport = z.infer<typeof gateReportSchema>;
