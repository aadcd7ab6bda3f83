import { describe, expect, it } from 'vitest';
import { evidenceSummaryInput, fixturePatientKey } from '../testing/evidence-summary-fixture.js';
import { buildEvidenceSummary, evidenceSummarySchema, evidenceVerdict } from './evidence-summary.js';
import { summarySections } from './summary-sections.js';

describe('buildEvidenceSummary', () => {
  it('takes each section from its file, keys and counts only', () => {
    const input = evidenceSummaryInput();
    const summary = evidenceSummarySchema.parse(buildEvidenceSummary(input));
    expect(summary.verdict).toEqual({
      from: ['release_gate_report.json', 'reconciliation_report.json', 'migration_report.json', 'rejects.csv'],
      outcome: 'FAIL',
      reasons: [
        'The release gate blocks under cutover_ready: 1 blocking reason(s).',
        'Source and target reconcile: every expected row is in the target with the same content.',
        'Conservation holds: 7 rows read = 3 loaded + 1 rejected + 3 out of scope.',
        'rejects.csv names exactly the rejected rows the report counts.',
      ],
    });
    expect(summary.run).toMatchObject({
      from: ['lifecycle_run.json', 'migration_report.json', 'quality_report.json'],
      jobId: 'job-0123456789abcdef',
      target: 'pglite:.ferry/target',
      data: [
        'data: job job-0123456789abcdef in pglite:.ferry/target (replaces job-fedcba9876543210, loaded by an earlier run of this lifecycle)',
        'start clean: ferry rollback job-0123456789abcdef --target pglite:.ferry/target, or delete the folder .ferry/target (the whole embedded target)',
      ],
    });
    expect(summary.counts).toEqual({
      from: ['migration_report.json'],
      tables: [
        {
          sourceTable: 'PATIENT',
          targetTable: 'LOAD_PMI',
          read: 5,
          loaded: 3,
          rejected: 1,
          outOfScope: 1,
          balanced: true,
        },
      ],
      notLoaded: [{ sourceTable: 'LKP_SEX', read: 2, reason: 'not in the contract' }],
      totals: { read: 7, loaded: 3, rejected: 1, outOfScope: 3 },
      balanced: true,
    });
    expect(summary.gate.triaged).toEqual([
      {
        code: 'CROSSWALK_MISS',
        message: 'PATIENT -> LOAD_PMI: 1 crosswalk miss (accepted in triage)',
        table: 'PATIENT',
        triagedBy: 'dq.lead@example.org',
      },
    ]);
    expect(summary.decision).toEqual({ from: ['release_gate_report.json'], recorded: null });
    expect(summary.reconciliation.patients).toEqual({ compared: 3, matched: 3, mismatched: 0 });
    expect(summary.inputs.from).toEqual(['inputs.json', 'crosswalks.csv', 'mapping_contract.csv']);
    expect(JSON.stringify(summary)).not.toContain(fixturePatientKey);
    // Every section a board reads names the file(s) its figures come from.
    for (const section of summarySections(summary))
      expect({ title: section.title, from: section.from.length > 0 }).toEqual({ title: section.title, from: true });
  });

  it('shows a recorded decision and its rationale', () => {
    const decision = {
      decision: 'no_go' as const,
      rationale: 'RTT orphans to fix',
      decidedBy: 'cutover.manager',
      decidedAt: '2026-11-23',
    };
    const summary = buildEvidenceSummary({ ...evidenceSummaryInput(), decision });
    expect(summary.decision).toEqual({ from: ['evidence_summary.json'], recorded: decision });
    const lines = summarySections(summary).find((s) => s.title === 'Decision and rationale')!.lines;
    expect(lines).toEqual(['Decision: no_go, by cutover.manager on 2026-11-23.', 'Rationale: RTT orphans to fix']);
  });
});

describe('evidenceVerdict', () => {
  const input = evidenceSummaryInput();
  const passingGate = {
    ...input.gate,
    outcome: 'PASS' as const,
    blocking: [],
    summary: { ...input.gate.summary, blocking: 0 },
  };

  it('passes only when the gate passes, the reconciliation matches and the rejects agree with the report', () => {
    expect(evidenceVerdict({ ...input, gate: passingGate }).outcome).toBe('PASS');
    expect(evidenceVerdict(input).outcome).toBe('FAIL');
    const mismatch = { ...input.reconciliation, outcome: 'MISMATCH' as const };
    expect(evidenceVerdict({ ...input, gate: passingGate, reconciliation: mismatch }).outcome).toBe('FAIL');
    const disagree = {
      ...input.rejects,
      agree: false,
      explanation: 'rejects.csv and migration_report.json do not agree: X',
    };
    const verdict = evidenceVerdict({ ...input, gate: passingGate, rejects: disagree });
    expect(verdict.outcome).toBe('FAIL');
    expect(verdict.reasons).toContain('rejects.csv and migration_report.json do not agree: X');
  });
});
