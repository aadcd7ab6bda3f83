import { describe, expect, it } from 'vitest';
import type { MappingContract } from '../contract/contract-model.js';
import { releaseProfiles } from '../contract/contract-model.js';
import type { MigrationReport } from '../migrate/migration-report.js';
import { rollUpKpi } from '../quality/quality-kpis.js';
import type { CheckResult, QualityReport } from '../quality/quality-report.js';
import { evaluateGate } from './evaluate-gate.js';
import { type MigrationSummary, migrationSummarySchema, unapprovedMandatoryFields } from './gate-inputs.js';
import { gateReportSchema } from './gate-report.js';
import { builtInGateThresholds, parseGateThresholdsFile, resolveGateThresholds } from './gate-thresholds.js';

function result(id: string, over: Partial<CheckResult> = {}): CheckResult {
  const numerator = over.numerator ?? 0;
  const denominator = over.denominator ?? 1000;
  return {
    id,
    domain: 'PMI',
    dimension: 'validity',
    severity: 'error',
    table: 'LOAD_PMI',
    kind: 'not_null',
    description: id,
    message: 'm',
    tags: [],
    executed: true,
    offending: [],
    offendingTruncated: false,
    ...over,
    numerator,
    denominator,
    rate: denominator === 0 ? 0 : numerator / denominator,
  };
}

const subject = { jobId: 'J1', contractHash: 'C1', sourceFingerprint: 'S1' };

function report(checks: CheckResult[]): QualityReport {
  return {
    version: 2,
    jobId: 'J1',
    asOfDate: '2025-03-31',
    generatedAt: 'T',
    offendingLimit: 1000,
    checks,
    kpis: [],
    totals: rollUpKpi(checks),
    subject,
    pack: null,
    rowsLoaded: { LOAD_PMI: 1000 },
  };
}

/** A migration ledger of job J1 (contract C1, source S1), as the migrate stage's report names it. */
function ledger(tables: MigrationSummary['tables']): MigrationSummary {
  return { version: 2, jobId: 'J1', contract: { hash: 'C1' }, sourceFingerprint: 'S1', tables };
}

const table = (over: Partial<MigrationSummary['tables'][number]> = {}): MigrationSummary['tables'][number] => ({
  sourceTable: 'PATIENT',
  targetTable: 'LOAD_PMI',
  domain: 'PMI',
  read: 100,
  loaded: 100,
  rejected: 0,
  outOfScope: 0,
  rejectsByReason: {},
  ...over,
});

const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('evaluateGate: thresholds', () => {
  it('resolves a check threshold from the check id, then the first matching rule, then the severity default', () => {
    const t = resolveGateThresholds('pre_production', {
      version: 1,
      profile: 'pre_production',
      checks: { 'pmi.a': { maxPassRate: 0.5, maxWarnRate: 0.6 } },
      rules: [{ domain: 'RTT', maxPassRate: 0.2, maxWarnRate: 0.3 }],
    });
    const gate = evaluateGate({
      qualityReport: report([
        result('pmi.a', { numerator: 400 }),
        result('rtt.b', { domain: 'RTT', numerator: 250 }),
        result('pmi.c', { dimension: 'validity' }),
        result('pmi.d', { dimension: 'completeness', numerator: 1 }),
        result('pmi.e', { severity: 'warning', dimension: 'completeness', numerator: 20 }),
        result('pmi.f', { severity: 'info', numerator: 1000 }),
      ]),
      profile: 'pre_production',
      thresholds: t,
    });
    expect(gate.checks.map((c) => [c.id, c.status, c.threshold.source])).toEqual([
      ['pmi.a', 'PASS', 'check:pmi.a'],
      ['pmi.c', 'PASS', 'rule:1'],
      ['pmi.d', 'WARN', 'default:error'],
      ['pmi.e', 'WARN', 'default:warning'],
      ['pmi.f', 'PASS', 'default:info'],
      ['rtt.b', 'WARN', 'rule:0'],
    ]);
    expect(gate.outcome).toBe('PASS');
    expect(codes(gate.warnings)).toEqual(['CHECK_WARNING', 'CHECK_WARNING', 'CHECK_WARNING']);
    expect(gateReportSchema.parse(gate)).toEqual(gate);
  });

  it('PASS at the pass limit, WARN up to the warn limit, FAIL above it; any FAIL blocks', () => {
    const thresholds = resolveGateThresholds('development', {
      version: 1,
      profile: 'development',
      defaults: { error: { maxPassRate: 0.01, maxWarnRate: 0.1 } },
    });
    const gate = evaluateGate({
      qualityReport: report([
        result('a', { numerator: 10 }),
        result('b', { numerator: 100 }),
        result('c', { numerator: 101 }),
        result('d', { numerator: 11 }),
      ]),
      profile: 'development',
      thresholds,
    });
    expect(gate.checks.map((c) => c.status)).toEqual(['PASS', 'WARN', 'FAIL', 'WARN']);
    expect(gate.outcome).toBe('FAIL');
    expect(gate.blocking).toEqual([
      {
        code: 'CHECK_FAILED',
        message: 'c: 101 of 1000 rows (10.10%) fail, above the 10.00% limit',
        domain: 'PMI',
        checkId: 'c',
        targetTable: 'LOAD_PMI',
      },
    ]);
    expect(gate.summary).toEqual({ pass: 1, warn: 2, fail: 1, notRun: 0, blocking: 1, warnings: 2 });
  });

  it('re-evaluates stored results under new thresholds without touching them', () => {
    const qualityReport = report([result('pmi.nhs_number.mod11', { numerator: 3 })]);
    const frozen = JSON.stringify(qualityReport);
    expect(evaluateGate({ qualityReport, profile: 'cutover_ready' }).outcome).toBe('FAIL');
    const relaxed = resolveGateThresholds('cutover_ready', {
      version: 1,
      profile: 'cutover_ready',
      checks: { 'pmi.nhs_number.mod11': { maxPassRate: 0.005, maxWarnRate: 0.01 } },
    });
    const gate = evaluateGate({ qualityReport, profile: 'cutover_ready', thresholds: relaxed });
    expect(gate.outcome).toBe('PASS');
    expect(gate.checks[0]?.threshold).toEqual({
      maxPassRate: 0.005,
      maxWarnRate: 0.01,
      source: 'check:pmi.nhs_number.mod11',
    });
    expect(JSON.stringify(qualityReport)).toBe(frozen);
  });

  it('built-in profiles: error checks tolerated at development, zero tolerance at cutover_ready', () => {
    const qualityReport = report([result('v', { numerator: 5 }), result('w', { severity: 'warning', numerator: 200 })]);
    const status = (p: 'development' | 'pre_production' | 'cutover_ready') =>
      evaluateGate({ qualityReport, profile: p }).checks.map((c) => c.status);
    expect(status('development')).toEqual(['PASS', 'WARN']);
    expect(status('pre_production')).toEqual(['FAIL', 'FAIL']);
    expect(status('cutover_ready')).toEqual(['FAIL', 'FAIL']);
  });

  it('lays several thresholds files over the built-ins, the last one on top', () => {
    const t = resolveGateThresholds(
      'pre_production',
      {
        version: 1,
        profile: 'pre_production',
        checks: { a: { maxPassRate: 0.1, maxWarnRate: 0.2 }, b: { maxPassRate: 0.1, maxWarnRate: 0.2 } },
        rules: [{ domain: 'MH', maxPassRate: 0, maxWarnRate: 0 }],
      },
      undefined,
      {
        version: 1,
        profile: 'pre_production',
        checks: { a: { maxPassRate: 0.3, maxWarnRate: 0.4 } },
        blocking: { checkNotRun: 'block' },
        rules: [{ domain: 'RTT', maxPassRate: 0, maxWarnRate: 0 }],
      },
    );
    expect(t.checks).toEqual({ a: { maxPassRate: 0.3, maxWarnRate: 0.4 }, b: { maxPassRate: 0.1, maxWarnRate: 0.2 } });
    expect(t.rules.map((r) => r.domain ?? r.dimension)).toEqual(['RTT', 'MH', 'validity', 'integrity']);
    expect(t.blocking).toEqual({ ...builtInGateThresholds.pre_production.blocking, checkNotRun: 'block' });
    expect(builtInGateThresholds.pre_production.blocking.checkNotRun).toBe('warn');
  });

  it('rejects thresholds of another profile', () => {
    expect(() =>
      evaluateGate({
        qualityReport: report([]),
        profile: 'cutover_ready',
        thresholds: builtInGateThresholds.development,
      }),
    ).toThrow('Thresholds are for profile development, not cutover_ready');
  });
});

describe('evaluateGate: blocking rules', () => {
  const clean = report([result('pmi.ok')]);

  it('an unapproved mandatory mapping blocks at every profile', () => {
    for (const profile of ['development', 'pre_production', 'cutover_ready'] as const) {
      const gate = evaluateGate({
        qualityReport: clean,
        profile,
        contractFindings: [{ targetTable: 'LOAD_PMI', field: 'SEX', status: 'reviewed', domain: 'PMI' }],
      });
      expect(gate.outcome).toBe('FAIL');
      expect(gate.blocking).toEqual([
        {
          code: 'UNAPPROVED_MANDATORY_MAPPING',
          message: 'Mandatory field LOAD_PMI.SEX is reviewed, not approved',
          targetTable: 'LOAD_PMI',
          domain: 'PMI',
        },
      ]);
    }
  });

  it('crosswalk misses in a safety-critical domain: warn at development, triage at pre_production, block at cutover_ready', () => {
    const migrationReport = ledger([table({ rejected: 3, loaded: 97, rejectsByReason: { CROSSWALK_MISS: 3 } })]);
    const accepted = [
      { code: 'CROSSWALK_MISS', sourceTable: 'PATIENT', decision: 'accepted' as const, reviewer: 'dq.lead' },
    ];
    const dev = evaluateGate({ qualityReport: clean, profile: 'development', migrationReport });
    expect([dev.outcome, codes(dev.warnings)]).toEqual(['PASS', ['CROSSWALK_MISS']]);

    const pre = evaluateGate({ qualityReport: clean, profile: 'pre_production', migrationReport });
    expect(pre.outcome).toBe('FAIL');
    expect(pre.blocking[0]?.message).toBe(
      'PATIENT -> LOAD_PMI: 3 rows rejected for a crosswalk miss in PMI (needs triage)',
    );

    const triaged = evaluateGate({
      qualityReport: clean,
      profile: 'pre_production',
      migrationReport,
      triage: accepted,
    });
    expect(triaged.outcome).toBe('PASS');
    expect(triaged.warnings).toEqual([
      expect.objectContaining({ code: 'CROSSWALK_MISS', triagedBy: 'dq.lead', sourceTable: 'PATIENT' }),
    ]);

    const refused = evaluateGate({
      qualityReport: clean,
      profile: 'pre_production',
      migrationReport,
      triage: [
        { ...accepted[0]!, decision: 'rejected' },
        { ...accepted[0]!, sourceTable: 'REFERRAL' },
      ],
    });
    expect(refused.outcome).toBe('FAIL');

    const cut = evaluateGate({ qualityReport: clean, profile: 'cutover_ready', migrationReport, triage: accepted });
    expect([cut.outcome, codes(cut.blocking)]).toEqual(['FAIL', ['CROSSWALK_MISS']]);
  });

  it('crosswalk misses outside the safety-critical domains only warn', () => {
    const migrationReport = ledger([
      table({
        domain: 'CODING',
        sourceTable: 'DIAG',
        targetTable: 'LOAD_CODING_DIAGNOSES',
        rejected: 2,
        loaded: 98,
        rejectsByReason: { CROSSWALK_MISS: 2 },
      }),
    ]);
    const gate = evaluateGate({ qualityReport: clean, profile: 'cutover_ready', migrationReport });
    expect([gate.outcome, codes(gate.warnings)]).toEqual(['PASS', ['CROSSWALK_MISS']]);
  });

  it('a break in the patient chain warns at development and blocks at pre_production and cutover_ready, even within thresholds', () => {
    const chain = result('adt.spell.pmi', {
      dimension: 'integrity',
      tags: ['patient_chain'],
      table: 'LOAD_ADT_ADMISSIONS',
      domain: 'ADT',
      numerator: 1,
    });
    const notChain = result('ref.site', { dimension: 'integrity', numerator: 1 });
    const qualityReport = report([chain, notChain]);
    const lenient = (profile: 'development' | 'pre_production' | 'cutover_ready') =>
      resolveGateThresholds(profile, {
        version: 1,
        profile,
        rules: [{ dimension: 'integrity', maxPassRate: 0.01, maxWarnRate: 0.01 }],
      });
    const dev = evaluateGate({ qualityReport, profile: 'development', thresholds: lenient('development') });
    expect([dev.outcome, codes(dev.warnings)]).toEqual(['PASS', ['REFERENTIAL_BREAK']]);
    for (const profile of ['pre_production', 'cutover_ready'] as const) {
      const gate = evaluateGate({ qualityReport, profile, thresholds: lenient(profile) });
      expect(gate.checks.map((c) => c.status)).toEqual(['PASS', 'PASS']);
      expect(gate.blocking).toEqual([
        {
          code: 'REFERENTIAL_BREAK',
          message: 'adt.spell.pmi: 1 LOAD_ADT_ADMISSIONS rows break the patient chain',
          domain: 'ADT',
          checkId: 'adt.spell.pmi',
          targetTable: 'LOAD_ADT_ADMISSIONS',
        },
      ]);
    }
  });

  it('ORPHAN rejects are a referential break', () => {
    const migrationReport = ledger([
      table({
        sourceTable: 'ADM_SPELL',
        targetTable: 'LOAD_ADT_ADMISSIONS',
        domain: 'ADT',
        loaded: 99,
        rejected: 1,
        rejectsByReason: { ORPHAN: 1 },
      }),
    ]);
    expect(codes(evaluateGate({ qualityReport: clean, profile: 'development', migrationReport }).warnings)).toEqual([
      'REFERENTIAL_BREAK',
    ]);
    expect(codes(evaluateGate({ qualityReport: clean, profile: 'pre_production', migrationReport }).blocking)).toEqual([
      'REFERENTIAL_BREAK',
    ]);
  });

  it('broken conservation blocks at every profile', () => {
    const migrationReport = ledger([table({ read: 100, loaded: 98, rejected: 1 })]);
    for (const profile of ['development', 'pre_production', 'cutover_ready'] as const) {
      expect(evaluateGate({ qualityReport: clean, profile, migrationReport }).blocking).toEqual([
        expect.objectContaining({
          code: 'CONSERVATION_BROKEN',
          message: 'PATIENT -> LOAD_PMI: 100 rows read but 99 loaded, rejected or out of scope',
        }),
      ]);
    }
  });

  it('a check that did not run warns before cutover_ready and blocks at it', () => {
    // (Beside a check that ran: a report where no check considered any row is refused as a gate over nothing.)
    const qualityReport = report([
      result('mh.x', { executed: false, notRunReason: 'table LOAD_MH_X is not in the target', denominator: 0 }),
      result('pmi.ok'),
    ]);
    const pre = evaluateGate({ qualityReport, profile: 'pre_production' });
    expect([pre.outcome, pre.checks[0]?.status, pre.warnings[0]?.message]).toEqual([
      'PASS',
      'NOT_RUN',
      'mh.x did not run: table LOAD_MH_X is not in the target',
    ]);
    expect(evaluateGate({ qualityReport, profile: 'cutover_ready' }).outcome).toBe('FAIL');
  });

  it('an `ignore` action drops the finding', () => {
    const thresholds = resolveGateThresholds('cutover_ready', {
      version: 1,
      profile: 'cutover_ready',
      blocking: { conservationBroken: 'ignore' },
    });
    const gate = evaluateGate({
      qualityReport: clean,
      profile: 'cutover_ready',
      thresholds,
      migrationReport: ledger([table({ loaded: 1 })]),
    });
    expect([gate.outcome, gate.blocking, gate.warnings]).toEqual(['PASS', [], []]);
  });
});

describe('gate inputs', () => {
  it("migrationSummarySchema reads the migrate stage's report", () => {
    const m: MigrationReport = {
      version: 1,
      jobId: 'J1',
      contract: { name: 'c', label: '1.0.0', hash: 'h' },
      releaseProfile: 'development',
      tables: [
        {
          ...table({ rejected: 2, loaded: 98, rejectsByReason: { ORPHAN: 2 } }),
          inserted: 98,
          updated: 0,
          updatedWithinJob: 0,
          duplicatesSkipped: 0,
          blankLines: 0,
          balanced: true,
        },
      ],
      unmappedSourceTables: [],
      totals: {
        read: 100,
        loaded: 98,
        inserted: 98,
        updated: 0,
        rejected: 2,
        outOfScope: 0,
        duplicatesSkipped: 0,
        blankLines: 0,
        rejectRows: 2,
      },
      dateFormats: [],
      balanced: true,
    };
    expect(migrationSummarySchema.parse(m)).toEqual({
      version: 1,
      jobId: 'J1',
      contract: { name: 'c', label: '1.0.0', hash: 'h' },
      tables: [table({ rejected: 2, loaded: 98, rejectsByReason: { ORPHAN: 2 } })],
    });
  });

  it('lists mandatory contract fields that are not approved', () => {
    const contract = {
      tables: [
        {
          target: 'LOAD_PMI',
          domain: 'PMI',
          fields: [
            { target: 'SURNAME', mandatory: true, status: 'approved' },
            { target: 'SEX', mandatory: true, status: 'draft' },
            { target: 'TITLE', mandatory: false, status: 'draft' },
          ],
        },
      ],
    } as unknown as MappingContract;
    expect(unapprovedMandatoryFields(contract)).toEqual([
      { targetTable: 'LOAD_PMI', field: 'SEX', status: 'draft', domain: 'PMI' },
    ]);
  });

  it('validates thresholds files, naming the file and field', () => {
    expect(() =>
      parseGateThresholdsFile(
        { version: 1, profile: 'cutover_ready', defaults: { error: { maxPassRate: 0.2, maxWarnRate: 0.1 } } },
        'x.json',
      ),
    ).toThrowError(
      expect.objectContaining({
        code: 'FERRY_ERR_GATE_PROFILE_INVALID',
        context: { file: 'x.json', field: 'defaults.error.maxWarnRate' },
      }),
    );
    expect(() =>
      parseGateThresholdsFile(
        { version: 1, profile: 'cutover_ready', blocking: { conservationBroken: 'maybe' } },
        'x.json',
      ),
    ).toThrow();
    expect(() => parseGateThresholdsFile({ version: 1, profile: 'live' }, 'x.json')).toThrow();
    expect(() => resolveGateThresholds('development', { version: 1, profile: 'cutover_ready' })).toThrow(
      'not development',
    );
  });
});

describe('evaluateGate: reports about one job, and about something', () => {
  const clean = report([result('pmi.ok')]);
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return { code: (e as { code?: string }).code, message: (e as Error).message };
    }
    return undefined;
  };

  it('names the subject the reports agree on, and where the thresholds came from', () => {
    const gate = evaluateGate({ qualityReport: clean, profile: 'cutover_ready', migrationReport: ledger([table()]) });
    expect([gate.version, gate.outcome, gate.subject, gate.thresholdSources]).toEqual([
      2,
      'PASS',
      subject,
      ['built-in'],
    ]);
    expect(gateReportSchema.parse(JSON.parse(JSON.stringify(gate)))).toEqual(gate);
  });

  it('refuses a quality report and a migration report of different jobs, contracts or source extracts', () => {
    const other = { ...ledger([table()]), jobId: 'J2' };
    expect(
      refusal(() =>
        evaluateGate({
          qualityReport: clean,
          profile: 'development',
          migrationReport: other,
          reportNames: { quality: 'quality report q.json', migration: 'migration report m.json' },
        }),
      ),
    ).toEqual({
      code: 'FERRY_ERR_REPORT_MISMATCH',
      message: 'Reports about different jobs: quality report q.json is about job J1, migration report m.json about J2',
    });
    expect(
      refusal(() =>
        evaluateGate({
          qualityReport: clean,
          profile: 'development',
          migrationReport: { ...ledger([table()]), contract: { hash: 'C2' } },
        }),
      ),
    ).toEqual({
      code: 'FERRY_ERR_REPORT_MISMATCH',
      message: 'Reports about different contracts: quality report is about contract hash C1, migration report about C2',
    });
    expect(
      refusal(() =>
        evaluateGate({
          qualityReport: clean,
          profile: 'pre_production',
          migrationReport: { ...ledger([table()]), sourceFingerprint: 'S2' },
        }),
      ),
    ).toEqual({
      code: 'FERRY_ERR_REPORT_MISMATCH',
      message:
        'Reports about different source extracts: quality report is about source fingerprint S1, migration report about S2',
    });
    expect(
      refusal(() =>
        evaluateGate({ qualityReport: clean, profile: 'development', migrationReport: { tables: [table()] } }),
      ),
    ).toEqual({
      code: 'FERRY_ERR_REPORT_MISMATCH',
      message: 'migration report does not name the job it is about (no jobId)',
    });
  });

  it('refuses a report of an older version above development, and accepts it there with a warning', () => {
    const { subject: _s, rowsLoaded: _r, ...rest } = clean as Extract<QualityReport, { version: 2 }>;
    const v1: QualityReport = { ...rest, version: 1 };
    for (const profile of ['pre_production', 'cutover_ready'] as const) {
      const r = refusal(() => evaluateGate({ qualityReport: v1, profile, migrationReport: ledger([table()]) }));
      expect(r?.code).toBe('FERRY_ERR_REPORT_MISMATCH');
      expect(r?.message).toMatch(
        /^Cannot verify that the reports are about one job, contract and source: quality report does not name its contract hash; quality report does not name its source fingerprint \(a report, or a load, made by an older Ferry\)\. Rerun ferry migrate and ferry check, or gate at development/,
      );
    }
    const dev = evaluateGate({ qualityReport: v1, profile: 'development', migrationReport: ledger([table()]) });
    expect([dev.outcome, dev.subject, dev.warnings.map((w) => w.message)]).toEqual([
      'PASS',
      subject,
      [
        'quality report does not name its contract hash: accepted at development only',
        'quality report does not name its source fingerprint: accepted at development only',
      ],
    ]);
    // A v1 quality report of another job is refused at every profile.
    expect(
      refusal(() =>
        evaluateGate({
          qualityReport: { ...v1, jobId: 'J9' },
          profile: 'development',
          migrationReport: ledger([table()]),
        }),
      )?.code,
    ).toBe('FERRY_ERR_REPORT_MISMATCH');
  });

  it('a gate over nothing is an error at every profile, never a PASS', () => {
    const empty = report([result('pmi.ok', { denominator: 0 })]);
    for (const profile of releaseProfiles) {
      expect(refusal(() => evaluateGate({ qualityReport: empty, profile }))).toEqual({
        code: 'FERRY_ERR_NOTHING_TO_JUDGE',
        message: 'quality report of job J1 considered 0 rows (1 checks run): a gate over nothing cannot pass',
      });
      expect(refusal(() => evaluateGate({ qualityReport: report([]), profile }))?.code).toBe(
        'FERRY_ERR_NOTHING_TO_JUDGE',
      );
      expect(
        refusal(() =>
          evaluateGate({
            qualityReport: clean,
            profile,
            migrationReport: ledger([table({ loaded: 0, rejected: 100 })]),
          }),
        ),
      ).toEqual({
        code: 'FERRY_ERR_NOTHING_TO_JUDGE',
        message: 'migration report of job J1 loaded 0 rows: a gate over nothing cannot pass',
      });
    }
  });
});
