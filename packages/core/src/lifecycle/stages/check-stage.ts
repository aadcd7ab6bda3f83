import { contractHash } from '../../contract/contract-hash.js';
import { groupCodeSets } from '../../quality/code-sets.js';
import { writeIssuesCsv, writeQualityReportJson } from '../../quality/quality-report-writer.js';
import { runChecks } from '../../quality/run-checks.js';
import { artefactPath, type LifecycleContext } from '../lifecycle-context.js';
import { openTargetDatabase } from '../target-access.js';

/** Runs the pack's quality checks over the job's target rows: `check/quality_report.json`, `check/issues.csv`. */
export async function checkStage(ctx: LifecycleContext): Promise<{ rows: number }> {
  const { contract, targetCatalog } = ctx.pack;
  const jobId = ctx.record.jobId!;
  const asOfDate = ctx.record.arguments.asOfDate ?? new Date().toISOString().slice(0, 10);
  ctx.record.arguments.asOfDate = asOfDate;
  const db = await openTargetDatabase(ctx.options.target, {
    jobId,
    contract,
    targetCatalog,
    contractHash: contractHash(contract),
  });
  try {
    const report = await runChecks(db, await ctx.options.pack.qualityChecks(), {
      jobId,
      asOfDate,
      codeSets: groupCodeSets(await ctx.options.pack.codeSets()),
      generatedAt: ctx.record.startedAt,
      pack: ctx.options.pack.name,
      onProgress: (done, total, id) => ctx.progress('check', done, total, id),
    });
    await writeQualityReportJson(report, artefactPath(ctx, 'check', 'quality_report.json'));
    const issues = await writeIssuesCsv(report, artefactPath(ctx, 'check', 'issues.csv'));
    return { rows: issues };
  } finally {
    await db.close();
  }
}
