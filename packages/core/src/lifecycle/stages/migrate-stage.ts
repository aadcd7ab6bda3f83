import { writeFile } from 'node:fs/promises';
import { CsvSourceConnector } from '../../connectors/csv/csv-source-connector.js';
import { contractHash } from '../../contract/contract-hash.js';
import { openLoadTarget } from '../../migrate/open-load-target.js';
import { RejectsFile } from '../../migrate/rejects-file.js';
import { runMigration } from '../../migrate/run-migration.js';
import { sourceFingerprint } from '../../provenance/source-fingerprint.js';
import { deriveJobId } from '../job-id.js';
import { artefactPath, type LifecycleContext } from '../lifecycle-context.js';

/** Loads the source into the target with the reviewed contract: `migrate/migration_report.json`, `migrate/rejects.csv`. */
export async function migrateStage(ctx: LifecycleContext): Promise<{ rows: number }> {
  const { contract, targetCatalog, crosswalkIndex } = ctx.pack;
  const source = await CsvSourceConnector.open(ctx.record.sourceDir);
  const fingerprint = await sourceFingerprint(source);
  const jobId = deriveJobId(contractHash(contract), fingerprint, ctx.options.releaseProfile);
  ctx.record.jobId = jobId;
  const target = await openLoadTarget(ctx.options.target);
  const rejects = await RejectsFile.open(artefactPath(ctx, 'migrate', 'rejects.csv'));
  try {
    const report = await runMigration({
      jobId,
      contract,
      source,
      targetCatalog,
      crosswalks: crosswalkIndex,
      releaseProfile: ctx.options.releaseProfile,
      target,
      rejects,
      batchSize: ctx.options.batchSize,
      sourceFingerprint: fingerprint,
      onProgress: (e) => ctx.progress('migrate', e.tableIndex, e.tableCount, e.table),
    });
    await writeFile(artefactPath(ctx, 'migrate', 'migration_report.json'), `${JSON.stringify(report, null, 2)}\n`);
    return { rows: report.totals.read };
  } finally {
    await rejects.close();
    await target.close();
  }
}
