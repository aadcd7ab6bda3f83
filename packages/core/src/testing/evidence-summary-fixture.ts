import type { EvidenceSummaryInput } from '../evidence/evidence-summary.js';
import type { GateReport } from '../gate/gate-report.js';
import { lifecycleStages } from '../lifecycle/lifecycle-stages.js';
import { buildMigrationReport } from '../migrate/migration-report.js';
import { rollUpKpi } from '../quality/quality-kpis.js';
import { contract } from './mini-migration-fixture.js';

/** A patient key the fixture's reports hold, which no summary may show. */
export const fixturePatientKey = 'PAT-987654';

/**
 * The artefacts of a small finished run, as the evidence stage reads them: two tables, one rejected row with two
 * problems, a gate that blocks on one check with one triaged warning, a reconciliation that matches.
 */
export function evidenceSummaryInput(): EvidenceSummaryInput {
  const migration = buildMigrationReport({
    jobId: 'job-0123456789abcdef',
    contract,
    sourceFingerprint: 'f'.repeat(64),
    releaseProfile: 'cutover_ready',
    tables: [
      {
        sourceTable: 'PATIENT',
        targetTable: 'LOAD_PMI',
        domain: 'PMI',
        read: 5,
        loaded: 3,
        inserted: 3,
        updated: 0,
        updatedWithinJob: 0,
        rejected: 1,
        outOfScope: 1,
        duplicatesSkipped: 0,
        blankLines: 0,
        rejectsByReason: { ORPHAN: 1 },
        balanced: true,
      },
    ],
    unmappedSourceTables: [{ sourceTable: 'LKP_SEX', read: 2, outOfScope: 2, reason: 'not in the contract' }],
    rejectRows: 2,
  });
  const gate: GateReport = {
    version: 1,
    outcome: 'FAIL',
    profile: 'cutover_ready',
    jobId: migration.jobId,
    summary: { pass: 10, warn: 1, fail: 1, notRun: 0, blocking: 1, warnings: 1 },
    checks: [],
    blocking: [
      {
        code: 'CHECK_FAILED',
        message: 'pmi.surname.present: 1 of 3 rows (33.33%) fail <above> the limit',
        targetTable: 'LOAD_PMI',
      },
    ],
    warnings: [
      {
        code: 'CROSSWALK_MISS',
        message: 'PATIENT -> LOAD_PMI: 1 crosswalk miss (accepted in triage)',
        sourceTable: 'PATIENT',
        triagedBy: 'dq.lead@example.org',
      },
    ],
  };
  const kpis = rollUpKpi([]);
  return {
    record: {
      version: 1,
      runId: 'run-20261122-090000-abcd',
      startedAt: '2026-11-22T09:00:00.000Z',
      arguments: {
        pack: 'mini',
        source: { kind: 'generated', patients: 5, seed: 1, defects: 'typical' },
        releaseProfile: 'cutover_ready',
        target: 'pglite:.ferry/target',
      },
      versions: { ferry: '0.1.0', node: 'v20', pack: 'mini@1' },
      sourceDir: '/src',
      jobId: migration.jobId,
      targetJobs: { replaced: ['job-fedcba9876543210'], others: [] },
      stages: lifecycleStages.map((stage) => ({ stage, status: 'Success' as const })),
      outcome: 'RUNNING',
    },
    migration,
    rejects: {
      rejectedRows: 1,
      rowsInFile: 1,
      lines: 2,
      linesByReason: { ORPHAN: 2 },
      tables: [{ sourceTable: 'PATIENT', targetTable: 'LOAD_PMI', rejectedRows: 1, rowsInFile: 1, lines: 2 }],
      agree: true,
      explanation: 'rejects.csv has 2 lines for 1 rejected rows because it has one line per problem',
    },
    quality: {
      version: 1,
      jobId: migration.jobId,
      asOfDate: '2026-10-31',
      generatedAt: '2026-11-22T09:00:01.000Z',
      offendingLimit: 10,
      checks: [],
      kpis: [{ domain: 'PMI', ...kpis, checksRun: 12, rowsConsidered: 36, rowsFailed: 1, passedRowsShare: 35 / 36 }],
      totals: { ...kpis, checksRun: 12, rowsConsidered: 36, rowsFailed: 1, passedRowsShare: 35 / 36 },
    },
    issues: 1,
    gate,
    reconciliation: {
      version: 1,
      jobId: migration.jobId,
      outcome: 'MATCH',
      dates: [],
      tables: [
        {
          sourceTable: 'PATIENT',
          targetTable: 'LOAD_PMI',
          expected: 3,
          inTarget: 3,
          matched: 3,
          changed: 0,
          missingInTarget: 0,
          unexpectedInTarget: 0,
          explainedByRejects: 1,
          mismatches: [{ sourceKey: fixturePatientKey, kind: 'changed' }],
          mismatchesTruncated: false,
        },
      ],
      patients: {
        compared: 3,
        matched: 3,
        mismatched: 0,
        mismatchedKeys: [fixturePatientKey],
        mismatchedKeysTruncated: false,
      },
    },
    inputs: {
      version: 1,
      source: {
        fingerprint: 'f'.repeat(64),
        files: [{ table: 'PATIENT', file: 'PATIENT.csv', sha256: 'a'.repeat(64), bytes: 1234 }],
      },
      crosswalks: {
        sha256: 'c'.repeat(64),
        entries: 2,
        codeTypes: [{ codeType: 'SEX', entries: 2, approved: 2, usedByContract: true, sha256: 'd'.repeat(64) }],
      },
      contract: { name: contract.name, label: contract.label, hash: 'e'.repeat(64) },
    },
  };
}
