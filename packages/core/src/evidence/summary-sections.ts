import type { EvidenceSummary } from './evidence-summary.js';

/** One table of a summary section: a header row and rows of cells, already formatted. */
export interface SummaryTable {
  header: string[];
  rows: string[][];
  /** Columns (0-based) holding numbers, aligned right. */
  numeric: number[];
}

/** One section of the board summary, as both renderers (HTML, PDF) lay it out. */
export interface SummarySection {
  title: string;
  /** The package files its figures come from. */
  from: string[];
  lines: string[];
  tables: SummaryTable[];
}

const n = (x: number) => x.toLocaleString('en-GB');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * The board summary as sections of lines and tables: the one layout both `summary.html` and `summary.pdf` render, so
 * the two always show the same figures. Every section names the package file its figures come from.
 */
export function summarySections(s: EvidenceSummary): SummarySection[] {
  const r = s.run;
  const sections: SummarySection[] = [
    {
      title: `Verdict: ${s.verdict.outcome}`,
      from: s.verdict.from,
      lines: s.verdict.reasons,
      tables: [],
    },
    {
      title: 'Run',
      from: r.from,
      lines: [
        `Run ${r.runId}, started ${r.startedAt}; pack ${r.pack} (${r.packVersion}); Ferry ${r.ferryVersion}.`,
        `Release profile: ${r.releaseProfile}. Measured as of ${r.asOfDate}.`,
        `Source: ${r.source}.`,
        ...r.data.map((l) => `${l[0]!.toUpperCase()}${l.slice(1)}.`),
        `Mapping contract ${r.contract.name} ${r.contract.label}, sha256 ${r.contract.hash}.`,
      ],
      tables: [],
    },
    {
      title: `Release gate: ${s.gate.outcome} under ${s.gate.profile}`,
      from: s.gate.from,
      lines: [
        `Checks: ${n(s.gate.checks.pass)} pass, ${n(s.gate.checks.warn)} warn, ${n(s.gate.checks.fail)} fail, ${n(s.gate.checks.notRun)} not run. ` +
          `${n(s.gate.blocking.length)} blocking reason(s), ${n(s.gate.warnings)} warning(s).`,
        ...(s.gate.blocking.length ? [] : ['No blocking reason.']),
      ],
      tables: s.gate.blocking.length
        ? [
            {
              header: ['Blocking reason', 'Table', 'Detail'],
              rows: s.gate.blocking.map((f) => [f.code, f.table ?? '', f.message]),
              numeric: [],
            },
          ]
        : [],
    },
    {
      title: 'Decision and rationale',
      from: s.decision.from,
      lines: s.decision.recorded
        ? [
            `Decision: ${s.decision.recorded.decision}, by ${s.decision.recorded.decidedBy} on ${s.decision.recorded.decidedAt}.`,
            `Rationale: ${s.decision.recorded.rationale ?? '(none given)'}`,
          ]
        : [
            'No go / no-go decision was recorded when this package was made: the board records it in the sign-off below.',
            ...(s.gate.triaged.length
              ? [`${s.gate.triaged.length} finding(s) were accepted in triage (release_gate_report.json warnings):`]
              : []),
            ...s.gate.triaged.map((f) => `${f.code}${f.table ? ` on ${f.table}` : ''}: accepted by ${f.triagedBy}.`),
          ],
      tables: [],
    },
    {
      title: 'Rows per table',
      from: s.counts.from,
      lines: [
        `Read ${n(s.counts.totals.read)} = loaded ${n(s.counts.totals.loaded)} + rejected ${n(s.counts.totals.rejected)} + out of scope ${n(s.counts.totals.outOfScope)}; ` +
          `conservation ${s.counts.balanced ? 'holds' : 'DOES NOT HOLD'}.`,
      ],
      tables: [
        {
          header: ['Source table', 'Target table', 'Read', 'Loaded', 'Rejected', 'Out of scope', 'Balanced'],
          rows: [
            ...s.counts.tables.map((t) => [
              t.sourceTable,
              t.targetTable,
              n(t.read),
              n(t.loaded),
              n(t.rejected),
              n(t.outOfScope),
              t.balanced ? 'yes' : 'NO',
            ]),
            ...s.counts.notLoaded.map((t) => [
              t.sourceTable,
              `(not loaded: ${t.reason})`,
              n(t.read),
              '0',
              '0',
              n(t.read),
              'yes',
            ]),
          ],
          numeric: [2, 3, 4, 5],
        },
      ],
    },
    {
      title: 'Rejected rows',
      from: s.rejects.from,
      lines: [
        `${n(s.rejects.rejectedRows)} rejected row(s); rejects.csv has ${n(s.rejects.lines)} line(s) naming ${n(s.rejects.rowsInFile)} distinct row(s). ` +
          `Figures ${s.rejects.agree ? 'agree' : 'DO NOT AGREE'}.`,
        s.rejects.explanation,
        `Lines by reason: ${
          Object.entries(s.rejects.linesByReason)
            .map(([k, v]) => `${k} ${n(v)}`)
            .join(', ') || 'none'
        }.`,
      ],
      tables: s.rejects.tables.length
        ? [
            {
              header: ['Source table', 'Target table', 'Rejected rows (report)', 'Rows in rejects.csv', 'Lines'],
              rows: s.rejects.tables.map((t) => [
                t.sourceTable,
                t.targetTable,
                n(t.rejectedRows),
                n(t.rowsInFile),
                n(t.lines),
              ]),
              numeric: [2, 3, 4],
            },
          ]
        : [],
    },
    {
      title: `Reconciliation: ${s.reconciliation.outcome}`,
      from: s.reconciliation.from,
      lines: [
        `Patients compared ${n(s.reconciliation.patients.compared)}: ${n(s.reconciliation.patients.matched)} match, ${n(s.reconciliation.patients.mismatched)} differ.`,
      ],
      tables: [
        {
          header: [
            'Target table',
            'Expected',
            'In target',
            'Matched',
            'Changed',
            'Missing',
            'Unexpected',
            'Explained by rejects',
          ],
          rows: s.reconciliation.tables.map((t) => [
            t.targetTable,
            n(t.expected),
            n(t.inTarget),
            n(t.matched),
            n(t.changed),
            n(t.missingInTarget),
            n(t.unexpectedInTarget),
            n(t.explainedByRejects),
          ]),
          numeric: [1, 2, 3, 4, 5, 6, 7],
        },
      ],
    },
    {
      title: 'Quality KPIs',
      from: s.quality.from,
      lines: [
        `As of ${s.quality.asOfDate}: ${n(s.quality.totals.checksRun)} checks run, ${n(s.quality.totals.checksNotRun)} not run; ` +
          `${n(s.quality.totals.rowsFailed)} of ${n(s.quality.totals.rowsConsidered)} rows considered failed a check ` +
          `(${pct(s.quality.totals.passedRowsShare)} passed); ${n(s.quality.issues)} issue line(s) in issues.csv.`,
      ],
      tables: [
        {
          header: [
            'Domain',
            'Checks run',
            'Not run',
            'With failures',
            'Error checks failing',
            'Rows considered',
            'Rows failed',
            'Passed',
          ],
          rows: s.quality.domains.map((d) => [
            d.domain,
            n(d.checksRun),
            n(d.checksNotRun),
            n(d.checksWithFailures),
            n(d.errorChecksWithFailures),
            n(d.rowsConsidered),
            n(d.rowsFailed),
            pct(d.passedRowsShare),
          ]),
          numeric: [1, 2, 3, 4, 5, 6, 7],
        },
      ],
    },
    {
      title: 'Inputs (sha256)',
      from: s.inputs.from,
      lines: [
        `Mapping contract ${s.inputs.contract.name} ${s.inputs.contract.label}: ${s.inputs.contract.hash} (content hash; mapping_contract.csv is its table view).`,
        `Crosswalks: ${s.inputs.crosswalks.sha256} (content hash of ${n(s.inputs.crosswalks.entries)} entries; crosswalks.csv in this package holds them).`,
        `Source fingerprint: ${s.inputs.source.fingerprint} (over the files below; part of the job id).`,
      ],
      tables: [
        {
          header: ['Source table', 'File', 'Bytes', 'sha256'],
          rows: s.inputs.source.files.map((f) => [f.table, f.file, n(f.bytes), f.sha256]),
          numeric: [2],
        },
        {
          header: ['Crosswalk code type', 'Entries', 'Approved', 'Used by contract', 'sha256'],
          rows: s.inputs.crosswalks.codeTypes.map((c) => [
            c.codeType,
            n(c.entries),
            n(c.approved),
            c.usedByContract ? 'yes' : 'no',
            c.sha256,
          ]),
          numeric: [1, 2],
        },
      ],
    },
  ];
  return sections;
}
