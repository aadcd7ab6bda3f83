import { readFile } from 'node:fs/promises';
import { formatContractCsv } from '../../contract/contract-csv.js';
import { formatCrosswalkCsv } from '../../crosswalk/crosswalk-csv.js';
import { writeEvidencePackage } from '../../evidence/evidence-package.js';
import { buildEvidenceSummary, evidenceVerdict } from '../../evidence/evidence-summary.js';
import { inputHashesSchema } from '../../evidence/input-hashes.js';
import { countRejects } from '../../evidence/reject-counts.js';
import { renderSummaryHtml } from '../../evidence/summary-html.js';
import { renderSummaryPdf } from '../../evidence/summary-pdf.js';
import { gateReportSchema } from '../../gate/gate-report.js';
import { migrationReportSchema } from '../../migrate/migration-report.js';
import { qualityReportSchema } from '../../quality/quality-report.js';
import { reconciliationReportSchema } from '../../reconcile/reconciliation-report.js';
import { artefactPath, type LifecycleContext, readArtefact } from '../lifecycle-context.js';

async function countLines(path: string): Promise<number> {
  const text = await readFile(path, 'utf8');
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return Math.max(0, n - 1);
}

/**
 * Decides the run's outcome (the gate passes, the reconciliation matches and the rejects agree with the report's
 * counts) and assembles the evidence package: the board summary (HTML, PDF and the JSON they are rendered from), the
 * inputs' hashes, the contract and crosswalks as CSV, the reports, rejects and issues. The lifecycle then seals it
 * ({@link sealEvidence}) with the final run record and the manifest.
 */
export async function evidenceStage(ctx: LifecycleContext): Promise<{ rows?: number }> {
  const migration = await readArtefact(ctx, 'migrate', 'migration_report.json', migrationReportSchema);
  const inputs = await readArtefact(ctx, 'migrate', 'inputs.json', inputHashesSchema);
  const quality = await readArtefact(ctx, 'check', 'quality_report.json', qualityReportSchema);
  const gate = await readArtefact(ctx, 'gate', 'release_gate_report.json', gateReportSchema);
  const reconciliation = await readArtefact(ctx, 'reconcile', 'reconciliation_report.json', reconciliationReportSchema);
  const issues = await countLines(artefactPath(ctx, 'check', 'issues.csv'));
  const rejects = await countRejects(migration, artefactPath(ctx, 'migrate', 'rejects.csv'));

  ctx.record.outcome = evidenceVerdict({ gate, reconciliation, rejects, migration }).outcome;
  ctx.record.summary = {
    sourceRows: migration.totals.read,
    loadedRows: migration.totals.loaded,
    rejectedRows: migration.totals.rejected,
    outOfScopeRows: migration.totals.outOfScope,
    issues,
    reconciliation: reconciliation.outcome,
  };
  const summary = buildEvidenceSummary({
    record: ctx.record,
    migration,
    rejects,
    quality,
    issues,
    gate,
    reconciliation,
    inputs,
  });
  ctx.evidence = {
    files: {
      'summary.html': { content: renderSummaryHtml(summary) },
      'summary.pdf': { content: await renderSummaryPdf(summary) },
      'evidence_summary.json': { content: `${JSON.stringify(summary, null, 2)}\n` },
      'inputs.json': artefactPath(ctx, 'migrate', 'inputs.json'),
      'mapping_contract.csv': { content: formatContractCsv(ctx.pack.contract) },
      'crosswalks.csv': { content: formatCrosswalkCsv(ctx.pack.crosswalks) },
      'migration_report.json': artefactPath(ctx, 'migrate', 'migration_report.json'),
      'rejects.csv': artefactPath(ctx, 'migrate', 'rejects.csv'),
      'quality_report.json': artefactPath(ctx, 'check', 'quality_report.json'),
      'issues.csv': artefactPath(ctx, 'check', 'issues.csv'),
      'release_gate_report.json': artefactPath(ctx, 'gate', 'release_gate_report.json'),
      'reconciliation_report.json': artefactPath(ctx, 'reconcile', 'reconciliation_report.json'),
    },
    counts: {
      rejects: {
        rejectedRows: rejects.rejectedRows,
        rejectLines: rejects.lines,
        agree: rejects.agree,
        explanation: rejects.explanation,
      },
    },
  };
  return {};
}

/**
 * Writes the assembled package with the run's final record as `lifecycle_run.json` and its manifest into the run's
 * evidence folder, in one step (beside it, then renamed over it).
 */
export async function sealEvidence(ctx: LifecycleContext): Promise<void> {
  if (!ctx.evidence) return;
  await writeEvidencePackage(
    ctx.dir('evidence'),
    { ...ctx.evidence.files, 'lifecycle_run.json': { content: `${JSON.stringify(ctx.record, null, 2)}\n` } },
    ctx.evidence.counts,
  );
}
