import { z } from 'zod';
import type { GateFinding, GateReport } from '../gate/gate-report.js';
import type { LifecycleSource, RunRecord } from '../lifecycle/run-record.js';
import { whereTheDataWent } from '../lifecycle/target-jobs.js';
import type { MigrationReport } from '../migrate/migration-report.js';
import { domainKpiSchema, type QualityReport, qualityKpiSchema } from '../quality/quality-report.js';
import type { ReconciliationReport } from '../reconcile/reconciliation-report.js';
import { type InputHashes, inputHashesSchema } from './input-hashes.js';
import { type RejectCounts, rejectCountsSchema } from './reject-counts.js';

const findingSchema = z.object({
  code: z.string(),
  message: z.string(),
  table: z.string().optional(),
  triagedBy: z.string().optional(),
});

/** A go / no-go decision on the run, when one was recorded before the package was made. */
export const evidenceDecisionSchema = z.object({
  decision: z.enum(['go', 'no_go', 'rollback']),
  rationale: z.string().optional(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type EvidenceDecision = z.infer<typeof evidenceDecisionSchema>;

/** Who signs a package, in the order the sign-off block lists them. */
export const signOffRoles = [
  'Migration delivery lead',
  'Data quality lead',
  'Clinical safety officer',
  'Senior responsible owner',
] as const;

/**
 * `evidence_summary.json` (v1): what `summary.html` and `summary.pdf` show, section by section, each naming the
 * package file(s) its figures come from (`from`). Keys, counts and hashes only: no patient values.
 */
export const evidenceSummarySchema = z.object({
  version: z.literal(1),
  run: z.object({
    from: z.array(z.string()),
    runId: z.string(),
    pack: z.string(),
    packVersion: z.string(),
    ferryVersion: z.string(),
    startedAt: z.string(),
    releaseProfile: z.string(),
    source: z.string(),
    target: z.string(),
    jobId: z.string(),
    /** Where the rows went, jobs replaced or still beside them, and how to start clean (`whereTheDataWent`). */
    data: z.array(z.string()),
    contract: z.object({ name: z.string(), label: z.string(), hash: z.string() }),
    asOfDate: z.string(),
  }),
  verdict: z.object({ from: z.array(z.string()), outcome: z.enum(['PASS', 'FAIL']), reasons: z.array(z.string()) }),
  gate: z.object({
    from: z.array(z.string()),
    outcome: z.enum(['PASS', 'FAIL']),
    profile: z.string(),
    checks: z.object({ pass: z.number(), warn: z.number(), fail: z.number(), notRun: z.number() }),
    blocking: z.array(findingSchema),
    warnings: z.number().int(),
    /** Findings a triage reviewer accepted: the recorded rationale for not blocking on them. */
    triaged: z.array(findingSchema),
  }),
  decision: z.object({ from: z.array(z.string()), recorded: evidenceDecisionSchema.nullable() }),
  counts: z.object({
    from: z.array(z.string()),
    tables: z.array(
      z.object({
        sourceTable: z.string(),
        targetTable: z.string(),
        read: z.number().int(),
        loaded: z.number().int(),
        rejected: z.number().int(),
        outOfScope: z.number().int(),
        balanced: z.boolean(),
      }),
    ),
    notLoaded: z.array(z.object({ sourceTable: z.string(), read: z.number().int(), reason: z.string() })),
    totals: z.object({
      read: z.number().int(),
      loaded: z.number().int(),
      rejected: z.number().int(),
      outOfScope: z.number().int(),
    }),
    balanced: z.boolean(),
  }),
  rejects: rejectCountsSchema.extend({ from: z.array(z.string()) }),
  reconciliation: z.object({
    from: z.array(z.string()),
    outcome: z.enum(['MATCH', 'MISMATCH']),
    tables: z.array(
      z.object({
        sourceTable: z.string(),
        targetTable: z.string(),
        expected: z.number().int(),
        inTarget: z.number().int(),
        matched: z.number().int(),
        changed: z.number().int(),
        missingInTarget: z.number().int(),
        unexpectedInTarget: z.number().int(),
        explainedByRejects: z.number().int(),
      }),
    ),
    patients: z.object({ compared: z.number().int(), matched: z.number().int(), mismatched: z.number().int() }),
  }),
  quality: z.object({
    from: z.array(z.string()),
    asOfDate: z.string(),
    totals: qualityKpiSchema,
    domains: z.array(domainKpiSchema),
    issues: z.number().int(),
  }),
  inputs: inputHashesSchema.extend({ from: z.array(z.string()) }),
  signOff: z.object({ roles: z.array(z.string()) }),
});
export type EvidenceSummary = z.infer<typeof evidenceSummarySchema>;

/** What the summary is built from: the run's artefacts, as read from the files of the package. */
export interface EvidenceSummaryInput {
  record: RunRecord;
  migration: MigrationReport;
  rejects: RejectCounts;
  quality: QualityReport;
  issues: number;
  gate: GateReport;
  reconciliation: ReconciliationReport;
  inputs: InputHashes;
  decision?: EvidenceDecision;
}

function describeSource(source: LifecycleSource): string {
  if (source.kind === 'generated') {
    return `synthetic cohort: ${source.patients} patients, seed ${source.seed}, defects ${source.defects}`;
  }
  if (source.kind === 'connector') return `source ${source.spec} (see inputs.json)`;
  return 'a folder of CSV extract files (see inputs.json)';
}

const finding = (f: GateFinding) => ({
  code: f.code,
  message: f.message,
  ...(f.targetTable || f.sourceTable ? { table: f.targetTable ?? f.sourceTable } : {}),
  ...(f.triagedBy ? { triagedBy: f.triagedBy } : {}),
});

/** The verdict: PASS only when the gate passes, the reconciliation matches and the package's counts agree. */
export function evidenceVerdict(
  input: Pick<EvidenceSummaryInput, 'gate' | 'reconciliation' | 'rejects' | 'migration'>,
): {
  outcome: 'PASS' | 'FAIL';
  reasons: string[];
} {
  const { gate, reconciliation, rejects, migration } = input;
  const n = (x: number) => x.toLocaleString('en-GB');
  const t = migration.totals;
  const reasons = [
    gate.outcome === 'PASS'
      ? `The release gate passes under ${gate.profile} (${gate.summary.warnings} warning(s)).`
      : `The release gate blocks under ${gate.profile}: ${gate.summary.blocking} blocking reason(s).`,
    reconciliation.outcome === 'MATCH'
      ? 'Source and target reconcile: every expected row is in the target with the same content.'
      : `Source and target do not reconcile: ${reconciliation.patients.mismatched} patient(s) differ.`,
    migration.balanced
      ? `Conservation holds: ${n(t.read)} rows read = ${n(t.loaded)} loaded + ${n(t.rejected)} rejected + ${n(t.outOfScope)} out of scope.`
      : 'Conservation does not hold: rows read differ from loaded + rejected + out of scope.',
    rejects.agree ? 'rejects.csv names exactly the rejected rows the report counts.' : rejects.explanation,
  ];
  const pass = gate.outcome === 'PASS' && reconciliation.outcome === 'MATCH' && rejects.agree;
  return { outcome: pass ? 'PASS' : 'FAIL', reasons };
}

/** Builds the summary a board reads and signs from the run's artefacts. */
export function buildEvidenceSummary(input: EvidenceSummaryInput): EvidenceSummary {
  const { record, migration, rejects, quality, gate, reconciliation, inputs } = input;
  return {
    version: 1,
    run: {
      // The job and contract as the load recorded them; the as-of date the checks used.
      from: ['lifecycle_run.json', 'migration_report.json', 'quality_report.json'],
      runId: record.runId,
      pack: record.arguments.pack,
      packVersion: record.versions.pack,
      ferryVersion: record.versions.ferry,
      startedAt: record.startedAt,
      releaseProfile: record.arguments.releaseProfile,
      source: describeSource(record.arguments.source),
      target: record.arguments.target,
      jobId: migration.jobId,
      data: whereTheDataWent({ ...record, jobId: migration.jobId }),
      contract: migration.contract,
      asOfDate: quality.asOfDate,
    },
    verdict: {
      from: ['release_gate_report.json', 'reconciliation_report.json', 'migration_report.json', 'rejects.csv'],
      ...evidenceVerdict(input),
    },
    gate: {
      from: ['release_gate_report.json'],
      outcome: gate.outcome,
      profile: gate.profile,
      checks: {
        pass: gate.summary.pass,
        warn: gate.summary.warn,
        fail: gate.summary.fail,
        notRun: gate.summary.notRun,
      },
      blocking: gate.blocking.map(finding),
      warnings: gate.warnings.length,
      triaged: gate.warnings.filter((w) => w.triagedBy).map(finding),
    },
    // A decision given to the package is held in evidence_summary.json itself; without one, the triaged findings
    // (release_gate_report.json) are the recorded rationale.
    decision: {
      from: input.decision
        ? ['evidence_summary.json']
        : gate.warnings.some((w) => w.triagedBy)
          ? ['release_gate_report.json']
          : [],
      recorded: input.decision ?? null,
    },
    counts: {
      from: ['migration_report.json'],
      tables: migration.tables.map((t) => ({
        sourceTable: t.sourceTable,
        targetTable: t.targetTable,
        read: t.read,
        loaded: t.loaded,
        rejected: t.rejected,
        outOfScope: t.outOfScope,
        balanced: t.balanced,
      })),
      notLoaded: migration.unmappedSourceTables.map((t) => ({
        sourceTable: t.sourceTable,
        read: t.read,
        reason: t.reason,
      })),
      totals: {
        read: migration.totals.read,
        loaded: migration.totals.loaded,
        rejected: migration.totals.rejected,
        outOfScope: migration.totals.outOfScope,
      },
      balanced: migration.balanced,
    },
    rejects: { from: ['migration_report.json', 'rejects.csv'], ...rejects },
    reconciliation: {
      from: ['reconciliation_report.json'],
      outcome: reconciliation.outcome,
      tables: reconciliation.tables.map((t) => ({
        sourceTable: t.sourceTable,
        targetTable: t.targetTable,
        expected: t.expected,
        inTarget: t.inTarget,
        matched: t.matched,
        changed: t.changed,
        missingInTarget: t.missingInTarget,
        unexpectedInTarget: t.unexpectedInTarget,
        explainedByRejects: t.explainedByRejects,
      })),
      patients: {
        compared: reconciliation.patients.compared,
        matched: reconciliation.patients.matched,
        mismatched: reconciliation.patients.mismatched,
      },
    },
    quality: {
      from: ['quality_report.json', 'issues.csv'],
      asOfDate: quality.asOfDate,
      totals: quality.totals,
      domains: quality.kpis,
      issues: input.issues,
    },
    inputs: { from: ['inputs.json', 'crosswalks.csv', 'mapping_contract.csv'], ...inputs },
    signOff: { roles: [...signOffRoles] },
  };
}
