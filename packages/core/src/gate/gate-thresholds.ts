import { z } from 'zod';
import { type ReleaseProfile, releaseProfiles } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';
import { checkDimensions, checkSeverities } from '../quality/check-model.js';

/**
 * Failure-rate bands of a check: rate <= maxPassRate is PASS, rate <= maxWarnRate is WARN, above is FAIL.
 * Zero tolerance is `{ maxPassRate: 0, maxWarnRate: 0 }`; "never fails" is `maxWarnRate: 1`.
 */
export const rateThresholdSchema = z
  .strictObject({
    maxPassRate: z.number().min(0).max(1),
    maxWarnRate: z.number().min(0).max(1),
  })
  .refine((t) => t.maxWarnRate >= t.maxPassRate, {
    message: 'maxWarnRate must be >= maxPassRate',
    path: ['maxWarnRate'],
  });
export type RateThreshold = z.infer<typeof rateThresholdSchema>;

/** A threshold for the checks matching every selector it names (severity, dimension, domain). */
export const thresholdRuleSchema = z.strictObject({
  severity: z.enum(checkSeverities).optional(),
  dimension: z.enum(checkDimensions).optional(),
  domain: z.string().min(1).optional(),
  maxPassRate: z.number().min(0).max(1),
  maxWarnRate: z.number().min(0).max(1),
});
export type ThresholdRule = z.infer<typeof thresholdRuleSchema>;

/**
 * What a blocking rule does when it finds something: `block` the release, `triage` (block unless a triage entry
 * accepts the finding; accepted ones become warnings), `warn`, or `ignore`.
 */
export const blockingActions = ['block', 'triage', 'warn', 'ignore'] as const;
export type BlockingAction = (typeof blockingActions)[number];

/** The blocking rules of a profile, beyond check thresholds (a FAIL check always blocks). */
export const blockingRulesSchema = z.strictObject({
  /** A mandatory contract field whose mapping is not approved. */
  unapprovedMandatoryMapping: z.enum(blockingActions),
  /** CROSSWALK_MISS rejects in a safety-critical domain. */
  crosswalkMissSafetyCritical: z.enum(blockingActions),
  /** A failing row in a patient-chain integrity check, or ORPHAN rejects. */
  referentialBreak: z.enum(blockingActions),
  /** A table whose rows read != loaded + rejected + out of scope. */
  conservationBroken: z.enum(blockingActions),
  /** A check that could not run (its table or a column is not in the target). */
  checkNotRun: z.enum(blockingActions),
});
export type BlockingRules = z.infer<typeof blockingRulesSchema>;

/**
 * The thresholds and blocking rules of one release profile. Resolution for a check: `checks[id]`, else the first
 * matching entry of `rules`, else `defaults[severity]`.
 */
export const gateThresholdsSchema = z.strictObject({
  version: z.literal(1),
  profile: z.enum(releaseProfiles),
  description: z.string().default(''),
  defaults: z.strictObject({ error: rateThresholdSchema, warning: rateThresholdSchema, info: rateThresholdSchema }),
  rules: z.array(
    thresholdRuleSchema.refine((t) => t.maxWarnRate >= t.maxPassRate, 'maxWarnRate must be >= maxPassRate'),
  ),
  checks: z.record(z.string(), rateThresholdSchema),
  blocking: blockingRulesSchema,
  /** Domains where a crosswalk miss is a clinical safety matter. */
  safetyCriticalDomains: z.array(z.string().min(1)),
});
export type GateThresholds = z.infer<typeof gateThresholdsSchema>;

/**
 * A thresholds file (a pack's `quality/gate-profiles/<profile>.json` or `--thresholds FILE`): any part may be
 * left out and comes from the built-in defaults of its profile; `rules` and `checks` are added in front of them.
 */
export const gateThresholdsFileSchema = z.strictObject({
  version: z.literal(1),
  profile: z.enum(releaseProfiles),
  description: z.string().optional(),
  defaults: z
    .strictObject({
      error: rateThresholdSchema.optional(),
      warning: rateThresholdSchema.optional(),
      info: rateThresholdSchema.optional(),
    })
    .optional(),
  rules: z
    .array(thresholdRuleSchema.refine((t) => t.maxWarnRate >= t.maxPassRate, 'maxWarnRate must be >= maxPassRate'))
    .optional(),
  checks: z.record(z.string(), rateThresholdSchema).optional(),
  blocking: blockingRulesSchema.partial().optional(),
  safetyCriticalDomains: z.array(z.string().min(1)).optional(),
});
export type GateThresholdsFile = z.infer<typeof gateThresholdsFileSchema>;

const zero = { maxPassRate: 0, maxWarnRate: 0 };
const never = { maxPassRate: 1, maxWarnRate: 1 };

/**
 * Ferry's built-in thresholds, per profile:
 * - development: rehearsal. Error checks PASS up to 1% failing rows, WARN up to 10%; warnings and info never fail.
 *   Unapproved mandatory mappings and broken conservation block; crosswalk misses, referential breaks and checks
 *   that did not run warn.
 * - pre_production: error checks PASS at 0, WARN up to 0.1%; error validity and integrity are zero tolerance;
 *   warnings PASS up to 1%, WARN up to 5%. Crosswalk misses in safety-critical domains need triage; referential
 *   breaks block; checks that did not run warn.
 * - cutover_ready: zero tolerance for every error check; warnings PASS up to 0.1%, WARN up to 1%. Everything blocks;
 *   triage does not lift a crosswalk miss.
 */
export const builtInGateThresholds: Readonly<Record<ReleaseProfile, GateThresholds>> = {
  development: {
    version: 1,
    profile: 'development',
    description: 'Rehearsal: errors tolerated up to 1% (warn to 10%), warnings never fail',
    defaults: {
      error: { maxPassRate: 0.01, maxWarnRate: 0.1 },
      warning: { maxPassRate: 0.05, maxWarnRate: 1 },
      info: never,
    },
    rules: [],
    checks: {},
    blocking: {
      unapprovedMandatoryMapping: 'block',
      crosswalkMissSafetyCritical: 'warn',
      referentialBreak: 'warn',
      conservationBroken: 'block',
      checkNotRun: 'warn',
    },
    safetyCriticalDomains: ['PMI', 'ADT', 'OPD', 'IWL', 'MH'],
  },
  pre_production: {
    version: 1,
    profile: 'pre_production',
    description: 'Dress rehearsal: no error-severity validity or integrity failures; crosswalk misses need triage',
    defaults: {
      error: { maxPassRate: 0, maxWarnRate: 0.001 },
      warning: { maxPassRate: 0.01, maxWarnRate: 0.05 },
      info: never,
    },
    rules: [
      { severity: 'error', dimension: 'validity', ...zero },
      { severity: 'error', dimension: 'integrity', ...zero },
    ],
    checks: {},
    blocking: {
      unapprovedMandatoryMapping: 'block',
      crosswalkMissSafetyCritical: 'triage',
      referentialBreak: 'block',
      conservationBroken: 'block',
      checkNotRun: 'warn',
    },
    safetyCriticalDomains: ['PMI', 'ADT', 'OPD', 'IWL', 'MH'],
  },
  cutover_ready: {
    version: 1,
    profile: 'cutover_ready',
    description: 'Go-live: zero tolerance for error-severity failures; every blocking rule blocks',
    defaults: { error: zero, warning: { maxPassRate: 0.001, maxWarnRate: 0.01 }, info: never },
    rules: [],
    checks: {},
    blocking: {
      unapprovedMandatoryMapping: 'block',
      crosswalkMissSafetyCritical: 'block',
      referentialBreak: 'block',
      conservationBroken: 'block',
      checkNotRun: 'block',
    },
    safetyCriticalDomains: ['PMI', 'ADT', 'OPD', 'IWL', 'MH'],
  },
};

/**
 * The thresholds of a profile: the built-in ones, with thresholds files laid over them in order (e.g. the pack's
 * profile, then a local override). A file's `rules` and `checks` come first (they are more specific than what lies
 * under them); every other part it gives replaces the value below. `undefined` files are skipped.
 *
 * @example
 * resolveGateThresholds('cutover_ready', await pack.gateThresholds('cutover_ready'), parseGateThresholdsFile(json, 'mine.json'))
 */
export function resolveGateThresholds(
  profile: ReleaseProfile,
  ...files: ReadonlyArray<GateThresholdsFile | undefined>
): GateThresholds {
  let t: GateThresholds = structuredClone(builtInGateThresholds[profile]);
  for (const file of files) {
    if (!file) continue;
    if (file.profile !== profile) {
      throw new FerryError(
        'FERRY_ERR_GATE_PROFILE_INVALID',
        `Thresholds are for profile ${file.profile}, not ${profile}`,
        {
          field: 'profile',
        },
      );
    }
    t = gateThresholdsSchema.parse({
      version: 1,
      profile,
      description: file.description ?? t.description,
      defaults: { ...t.defaults, ...file.defaults },
      rules: [...(file.rules ?? []), ...t.rules],
      checks: { ...t.checks, ...file.checks },
      blocking: { ...t.blocking, ...file.blocking },
      safetyCriticalDomains: file.safetyCriticalDomains ?? t.safetyCriticalDomains,
    });
  }
  return t;
}

/**
 * Validates a thresholds document (already JSON-parsed). Errors name the file and the field.
 *
 * @example
 * parseGateThresholdsFile(JSON.parse(text), 'gate-profiles/cutover_ready.json')
 */
export function parseGateThresholdsFile(input: unknown, file: string): GateThresholdsFile {
  const parsed = gateThresholdsFileSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FerryError('FERRY_ERR_GATE_PROFILE_INVALID', first?.message ?? 'invalid thresholds', {
      file,
      field: first?.path.map(String).join('.') || undefined,
    });
  }
  return parsed.data;
}

/** The thresholds a gate applies, and where they came from, in the order they were laid (e.g. `built-in`, `pack:nhs-pas`). */
export interface ResolvedGateThresholds {
  thresholds: GateThresholds;
  sources: string[];
}

/**
 * The one definition of a profile's thresholds, used by the lifecycle's gate stage, `ferry gate` and the server alike:
 * Ferry's built-ins, with the pack's gate profile (its `quality/gate-profiles/<profile>.json`) over them, then any
 * local thresholds files in order. A path that leaves the pack out applies other thresholds than the lifecycle, so
 * only an explicit `pack: undefined` does.
 *
 * @example
 * const { thresholds, sources } = await gateThresholdsFor('cutover_ready', pack, { file: 'mine.json', thresholds: parsed });
 * // sources: ['built-in', 'pack:nhs-pas', 'file:mine.json']
 */
export async function gateThresholdsFor(
  profile: ReleaseProfile,
  pack: { name: string; gateThresholds(profile: ReleaseProfile): Promise<GateThresholdsFile | undefined> } | undefined,
  ...files: ReadonlyArray<{ file: string; thresholds: GateThresholdsFile }>
): Promise<ResolvedGateThresholds> {
  const packFile = pack ? await pack.gateThresholds(profile) : undefined;
  const sources = ['built-in'];
  if (pack && packFile) sources.push(`pack:${pack.name}`);
  for (const f of files) sources.push(`file:${f.file}`);
  return {
    thresholds: resolveGateThresholds(profile, packFile, ...files.map((f) => f.thresholds)),
    sources,
  };
}
