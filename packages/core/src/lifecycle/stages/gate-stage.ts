import { evaluateGate } from '../../gate/evaluate-gate.js';
import { migrationSummarySchema, unapprovedMandatoryFields } from '../../gate/gate-inputs.js';
import { writeGateReportJson } from '../../gate/gate-report-writer.js';
import { gateThresholdsFor } from '../../gate/gate-thresholds.js';
import { qualityReportSchema } from '../../quality/quality-report.js';
import { artefactPath, type LifecycleContext, readArtefact } from '../lifecycle-context.js';

/**
 * Applies the release profile's thresholds and blocking rules to the stored check results, the load ledger and the
 * contract's approvals: `gate/release_gate_report.json`.
 */
export async function gateStage(ctx: LifecycleContext): Promise<{ rows?: number }> {
  const profile = ctx.options.releaseProfile;
  const { thresholds, sources } = await gateThresholdsFor(profile, ctx.options.pack);
  const report = evaluateGate({
    qualityReport: await readArtefact(ctx, 'check', 'quality_report.json', qualityReportSchema),
    profile,
    thresholds,
    thresholdSources: sources,
    migrationReport: await readArtefact(ctx, 'migrate', 'migration_report.json', migrationSummarySchema),
    contractFindings: unapprovedMandatoryFields(ctx.pack.contract),
  });
  await writeGateReportJson(report, artefactPath(ctx, 'gate', 'release_gate_report.json'));
  ctx.record.gate = {
    outcome: report.outcome,
    blocking: report.summary.blocking,
    warnings: report.summary.warnings,
  };
  return {};
}
