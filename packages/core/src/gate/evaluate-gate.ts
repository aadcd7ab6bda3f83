import type { ReleaseProfile } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';
import { compareCodeUnits } from '../profile/code-unit-order.js';
import { agreeSubjects, type SubjectClaim } from '../provenance/agree-subjects.js';
import { patientChainTag } from '../quality/check-model.js';
import type { CheckResult, QualityReport } from '../quality/quality-report.js';
import type { MigrationSummary, TriageEntry, UnapprovedMandatoryField } from './gate-inputs.js';
import type { CheckStatus, GateCheck, GateFinding, GateReportV2 } from './gate-report.js';
import { type BlockingAction, type GateThresholds, resolveGateThresholds } from './gate-thresholds.js';

export interface EvaluateGateInput {
  qualityReport: QualityReport;
  profile: ReleaseProfile;
  /** Default: the built-in thresholds of the profile. Use `gateThresholdsFor` to get the ones every path shares. */
  thresholds?: GateThresholds;
  /** Where the thresholds came from (`gateThresholdsFor`'s `sources`); default `['built-in']` without thresholds. */
  thresholdSources?: string[];
  /** The migrate stage's per-table ledger; without it, the rules on rejects and conservation have nothing to read. */
  migrationReport?: MigrationSummary;
  /** Mandatory contract fields that are not approved. */
  contractFindings?: readonly UnapprovedMandatoryField[];
  triage?: readonly TriageEntry[];
  /** How messages name the reports (e.g. their files); default `quality report` and `migration report`. */
  reportNames?: { quality?: string; migration?: string };
}

function qualityClaim(report: QualityReport, name: string): SubjectClaim {
  if (report.version === 1) return { report: name, jobId: report.jobId, contractHash: null, sourceFingerprint: null };
  if (report.subject.jobId !== report.jobId) {
    throw new FerryError(
      'FERRY_ERR_REPORT_MISMATCH',
      `${name} is about job ${report.jobId} but its subject names job ${report.subject.jobId}`,
      { field: 'subject.jobId' },
    );
  }
  return { report: name, ...report.subject };
}

function migrationClaim(report: MigrationSummary, name: string): SubjectClaim {
  if (report.jobId === undefined) {
    throw new FerryError('FERRY_ERR_REPORT_MISMATCH', `${name} does not name the job it is about (no jobId)`, {
      field: 'jobId',
    });
  }
  return {
    report: name,
    jobId: report.jobId,
    contractHash: report.contract?.hash ?? null,
    sourceFingerprint: report.sourceFingerprint ?? null,
  };
}

/** A gate over nothing cannot pass: refuse reports that considered or loaded no row. */
function assertSomethingToJudge(input: EvaluateGateInput, names: { quality: string; migration: string }): void {
  const q = input.qualityReport;
  const loaded = q.version === 2 ? Object.values(q.rowsLoaded).reduce((n, r) => n + r, 0) : undefined;
  if (loaded === 0 || q.totals.rowsConsidered === 0) {
    throw new FerryError(
      'FERRY_ERR_NOTHING_TO_JUDGE',
      `${names.quality} of job ${q.jobId} considered 0 rows (${q.totals.checksRun} checks run${loaded === 0 ? ', 0 rows loaded' : ''}): a gate over nothing cannot pass`,
      { field: 'totals.rowsConsidered' },
    );
  }
  const m = input.migrationReport;
  if (m && m.tables.reduce((n, t) => n + t.loaded, 0) === 0) {
    throw new FerryError(
      'FERRY_ERR_NOTHING_TO_JUDGE',
      `${names.migration} of job ${m.jobId ?? '(unnamed)'} loaded 0 rows: a gate over nothing cannot pass`,
      { field: 'tables' },
    );
  }
}

const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

/** The threshold that applies to one check, and where it came from. */
export function thresholdFor(
  check: Pick<CheckResult, 'id' | 'severity' | 'dimension' | 'domain'>,
  t: GateThresholds,
): GateCheck['threshold'] {
  const own = t.checks[check.id];
  if (own) return { ...own, source: `check:${check.id}` };
  const i = t.rules.findIndex(
    (r) =>
      (r.severity === undefined || r.severity === check.severity) &&
      (r.dimension === undefined || r.dimension === check.dimension) &&
      (r.domain === undefined || r.domain === check.domain),
  );
  const rule = t.rules[i];
  if (rule) return { maxPassRate: rule.maxPassRate, maxWarnRate: rule.maxWarnRate, source: `rule:${i}` };
  return { ...t.defaults[check.severity], source: `default:${check.severity}` };
}

function statusOf(rate: number, t: { maxPassRate: number; maxWarnRate: number }): CheckStatus {
  if (rate <= t.maxPassRate) return 'PASS';
  if (rate <= t.maxWarnRate) return 'WARN';
  return 'FAIL';
}

function triageMatches(e: TriageEntry, f: GateFinding): boolean {
  return (
    e.code === f.code &&
    (e.domain === undefined || e.domain === f.domain) &&
    (e.sourceTable === undefined || e.sourceTable === f.sourceTable) &&
    (e.targetTable === undefined || e.targetTable === f.targetTable) &&
    (e.checkId === undefined || e.checkId === f.checkId)
  );
}

/**
 * Applies a release profile's thresholds and blocking rules to stored results. A pure function: changing a
 * threshold re-evaluates without re-running any check.
 *
 * Blocking rules (the action per profile is in the thresholds' `blocking`; built-ins in brackets as
 * development / pre_production / cutover_ready):
 * - a check whose failure rate is above its WARN band is FAIL and always blocks;
 * - UNAPPROVED_MANDATORY_MAPPING: a mandatory contract field not approved [block / block / block];
 * - CROSSWALK_MISS: rejects with that reason in a safety-critical domain [warn / triage / block]; in other domains
 *   a warning;
 * - REFERENTIAL_BREAK: a failing row in a `patient_chain` integrity check, or ORPHAN rejects [warn / block / block];
 * - CONSERVATION_BROKEN: read != loaded + rejected + out of scope [block / block / block];
 * - CHECK_NOT_RUN: a check that could not run on the target [warn / warn / block].
 *
 * Before any rule, the reports must be about the same thing, and about something (errors, never a FAIL):
 * - the quality report and the migration report must name the same job, contract hash and source fingerprint
 *   (FERRY_ERR_REPORT_MISMATCH naming both); a report that does not name one of them (an older version) is refused,
 *   except at development, which accepts it with a SUBJECT_UNVERIFIED warning;
 * - a quality report that considered no row, or a migration report that loaded none, is refused
 *   (FERRY_ERR_NOTHING_TO_JUDGE).
 *
 * @example
 * const gate = evaluateGate({ qualityReport, profile: 'cutover_ready', migrationReport, contractFindings: [] });
 * if (gate.outcome === 'FAIL') console.log(gate.blocking.map((b) => b.message));
 */
export function evaluateGate(input: EvaluateGateInput): GateReportV2 {
  const { qualityReport, profile } = input;
  const t = input.thresholds ?? resolveGateThresholds(profile);
  if (t.profile !== profile) {
    throw new FerryError('FERRY_ERR_GATE_PROFILE_INVALID', `Thresholds are for profile ${t.profile}, not ${profile}`, {
      field: 'profile',
    });
  }
  const names = {
    quality: input.reportNames?.quality ?? 'quality report',
    migration: input.reportNames?.migration ?? 'migration report',
  };
  const claims = [qualityClaim(qualityReport, names.quality)];
  if (input.migrationReport) claims.push(migrationClaim(input.migrationReport, names.migration));
  const { subject, unverified } = agreeSubjects(claims, { acceptUnverified: profile === 'development' });
  assertSomethingToJudge(input, names);
  const blocking: GateFinding[] = [];
  const warnings: GateFinding[] = [];
  const triage = input.triage ?? [];
  for (const line of unverified) {
    warnings.push({ code: 'SUBJECT_UNVERIFIED', message: `${line}: accepted at development only` });
  }

  const apply = (action: BlockingAction, finding: GateFinding) => {
    if (action === 'ignore') return;
    if (action === 'warn') {
      warnings.push(finding);
      return;
    }
    if (action === 'triage') {
      const accepted = triage.find((e) => e.decision === 'accepted' && triageMatches(e, finding));
      if (accepted) {
        warnings.push({ ...finding, message: `${finding.message} (accepted in triage)`, triagedBy: accepted.reviewer });
        return;
      }
      blocking.push({ ...finding, message: `${finding.message} (needs triage)` });
      return;
    }
    blocking.push(finding);
  };

  const results = [...qualityReport.checks].sort((a, b) => compareCodeUnits(a.id, b.id));
  const checks: GateCheck[] = results.map((r) => {
    const threshold = thresholdFor(r, t);
    const status: CheckStatus = r.executed ? statusOf(r.rate, threshold) : 'NOT_RUN';
    const where = { domain: r.domain, checkId: r.id, targetTable: r.table };
    const figures = `${r.numerator} of ${r.denominator} rows (${percent(r.rate)})`;
    if (status === 'FAIL') {
      blocking.push({
        code: 'CHECK_FAILED',
        message: `${r.id}: ${figures} fail, above the ${percent(threshold.maxWarnRate)} limit`,
        ...where,
      });
    } else if (status === 'WARN') {
      warnings.push({
        code: 'CHECK_WARNING',
        message: `${r.id}: ${figures} fail, above the ${percent(threshold.maxPassRate)} pass limit`,
        ...where,
      });
    } else if (status === 'NOT_RUN') {
      apply(t.blocking.checkNotRun, {
        code: 'CHECK_NOT_RUN',
        message: `${r.id} did not run: ${r.notRunReason ?? 'unknown reason'}`,
        ...where,
      });
    }
    if (r.executed && r.numerator > 0 && r.dimension === 'integrity' && r.tags.includes(patientChainTag)) {
      apply(t.blocking.referentialBreak, {
        code: 'REFERENTIAL_BREAK',
        message: `${r.id}: ${r.numerator} ${r.table} rows break the patient chain`,
        ...where,
      });
    }
    return {
      id: r.id,
      domain: r.domain,
      dimension: r.dimension,
      severity: r.severity,
      table: r.table,
      numerator: r.numerator,
      denominator: r.denominator,
      rate: r.rate,
      status,
      threshold,
    };
  });

  for (const f of input.contractFindings ?? []) {
    apply(t.blocking.unapprovedMandatoryMapping, {
      code: 'UNAPPROVED_MANDATORY_MAPPING',
      message: `Mandatory field ${f.targetTable}.${f.field} is ${f.status}, not approved`,
      targetTable: f.targetTable,
      ...(f.domain ? { domain: f.domain } : {}),
    });
  }

  const safety = new Set(t.safetyCriticalDomains);
  for (const tbl of input.migrationReport?.tables ?? []) {
    const where = { domain: tbl.domain, sourceTable: tbl.sourceTable, targetTable: tbl.targetTable };
    const accounted = tbl.loaded + tbl.rejected + tbl.outOfScope;
    if (accounted !== tbl.read) {
      apply(t.blocking.conservationBroken, {
        code: 'CONSERVATION_BROKEN',
        message: `${tbl.sourceTable} -> ${tbl.targetTable}: ${tbl.read} rows read but ${accounted} loaded, rejected or out of scope`,
        ...where,
      });
    }
    const misses = tbl.rejectsByReason.CROSSWALK_MISS ?? 0;
    if (misses > 0) {
      const finding: GateFinding = {
        code: 'CROSSWALK_MISS',
        message: `${tbl.sourceTable} -> ${tbl.targetTable}: ${misses} rows rejected for a crosswalk miss in ${tbl.domain}`,
        ...where,
      };
      if (safety.has(tbl.domain)) apply(t.blocking.crosswalkMissSafetyCritical, finding);
      else warnings.push(finding);
    }
    const orphans = tbl.rejectsByReason.ORPHAN ?? 0;
    if (orphans > 0) {
      apply(t.blocking.referentialBreak, {
        code: 'REFERENTIAL_BREAK',
        message: `${tbl.sourceTable} -> ${tbl.targetTable}: ${orphans} rows rejected as orphans`,
        ...where,
      });
    }
  }

  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return {
    version: 2,
    outcome: blocking.length === 0 ? 'PASS' : 'FAIL',
    profile,
    jobId: qualityReport.jobId,
    subject,
    thresholdSources: input.thresholdSources ?? (input.thresholds ? ['given'] : ['built-in']),
    summary: {
      pass: count('PASS'),
      warn: count('WARN'),
      fail: count('FAIL'),
      notRun: count('NOT_RUN'),
      blocking: blocking.length,
      warnings: warnings.length,
    },
    checks,
    blocking,
    warnings,
  };
}
