import { writeFile } from 'node:fs/promises';
import { sourceFingerprint } from '../../provenance/source-fingerprint.js';
import { reconcileJob } from '../../reconcile/reconcile-job.js';
import { readRejectedKeys } from '../../reconcile/rejected-keys.js';
import { artefactPath, type LifecycleContext } from '../lifecycle-context.js';
import { runSource } from '../run-source.js';
import { openTargetReader } from '../target-access.js';

/** Source vs target per table and per patient: `reconcile/reconciliation_report.json`. */
export async function reconcileStage(ctx: LifecycleContext): Promise<{ rows: number; outcome: string }> {
  const { contract, targetCatalog, crosswalkIndex } = ctx.pack;
  const source = await runSource(ctx);
  const { reader, close } = await openTargetReader(ctx.options.target);
  try {
    const report = await reconcileJob({
      jobId: ctx.record.jobId!,
      contract,
      source,
      targetCatalog,
      crosswalks: crosswalkIndex,
      releaseProfile: ctx.options.releaseProfile,
      target: reader,
      rejectedKeys: await readRejectedKeys(artefactPath(ctx, 'migrate', 'rejects.csv')),
      sourceFingerprint: await sourceFingerprint(source),
      onProgress: (e) => ctx.progress('reconcile', e.tableIndex, e.tableCount, e.table),
    });
    await writeFile(
      artefactPath(ctx, 'reconcile', 'reconciliation_report.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    return { rows: report.tables.reduce((n, t) => n + t.inTarget, 0), outcome: report.outcome };
  } finally {
    await close();
  }
}
