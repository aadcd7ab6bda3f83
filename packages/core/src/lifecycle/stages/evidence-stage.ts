import { readFile } from 'node:fs/promises';
import { formatContractCsv } from '../../contract/contract-csv.js';
import { writeEvidencePackage } from '../../evidence/evidence-package.js';
import { gateReportSchema } from '../../gate/gate-report.js';
import { migrationReportSchema } from '../../migrate/migration-report.js';
import { reconciliationReportSchema } from '../../reconcile/reconciliation-report.js';
import { artefactPath, type LifecycleContext, readArtefact } from '../lifecycle-context.js';

async function countLines(path: string): Promise<number> {
  const text = await readFile(path, 'utf8');
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return Math.max(0, n - 1);
}

/**
 * Decides the run's outcome (the gate passes and the reconciliation matches) and assembles the evidence package:
 * the run record, the contract as CSV, the reports, rejects and issues, with a sha256 manifest.
 */
export async function evidenceStage(ctx: LifecycleContext): Promise<{ rows?: number }> {
  const migration = await readArtefact(ctx, 'migrate', 'migration_report.json', migrationReportSchema);
  const gate = await readArtefact(ctx, 'gate', 'release_gate_report.json', gateReportSchema);
  const reconciliation = await readArtefact(ctx, 'reconcile', 'reconciliation_report.json', reconciliationReportSchema);
  const issues = await countLines(artefactPath(ctx, 'check', 'issues.csv'));

  ctx.record.outcome = gate.outcome === 'PASS' && reconciliation.outcome === 'MATCH' ? 'PASS' : 'FAIL';
  ctx.record.summary = {
    sourceRows: migration.totals.read,
    loadedRows: migration.totals.loaded,
    rejectedRows: migration.totals.rejected,
    outOfScopeRows: migration.totals.outOfScope,
    issues,
    reconciliation: reconciliation.outcome,
  };
  await writeEvidencePackage(ctx.dir('evidence'), {
    'lifecycle_run.json': { content: `${JSON.stringify(ctx.record, null, 2)}\n` },
    'mapping_contract.csv': { content: formatContractCsv(ctx.pack.contract) },
    'migration_report.json': artefactPath(ctx, 'migrate', 'migration_report.json'),
    'rejects.csv': artefactPath(ctx, 'migrate', 'rejects.csv'),
    'quality_report.json': artefactPath(ctx, 'check', 'quality_report.json'),
    'issues.csv': artefactPath(ctx, 'check', 'issues.csv'),
    'release_gate_report.json': artefactPath(ctx, 'gate', 'release_gate_report.json'),
    'reconciliation_report.json': artefactPath(ctx, 'reconcile', 'reconciliation_report.json'),
  });
  return {};
}
