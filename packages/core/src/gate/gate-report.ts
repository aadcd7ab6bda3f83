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

/**
 * The gate stage's artefact, v1: the outcome under one release profile, every check's status with the threshold
 * used, the blocking reasons and the warnings. A pure function of its inputs (no timestamps).
 */
export const gateReportSchema = z.object({
  version: z.literal(1),
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
});
export type GateReport = z.infer<typeof gateReportSchema>;
