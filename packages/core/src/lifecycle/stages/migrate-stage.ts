import { writeFile } from 'node:fs/promises';
import { CsvSourceConnector } from '../../connectors/csv/csv-source-connector.js';
import { contractHash } from '../../contract/contract-hash.js';
import { openLoadTarget } from '../../migrate/open-load-target.js';
import { RejectsFile } from '../../migrate/rejects-file.js';
import { defaultBatchSize, runMigration } from '../../migrate/run-migration.js';
import { deriveJobId, sourceFingerprint } from '../job-id.js';
import { artefactPath, type LifecycleContext } from '../lifecycle-context.js';
import { canResumeJob } from './resumable-job.js';

/** Loads the source into the target with the reviewed contract: `migrate/migration_report.json`, `migrate/rejects.csv`. */
export async function migrateStage(ctx: LifecycleContext): Promise<{ rows: number }> {
  const { contract, targetCatalog, crosswalkIndex } = ctx.pack;
  const source = await CsvSourceConnector.open(ctx.record.sourceDir);
  const hash = contractHash(contract);
  const jobId = deriveJobId(hash, await sourceFingerprint(source), ctx.options.releaseProfile);
  ctx.record.jobId = jobId;
  const target = await openLoadTarget(ctx.options.target);
  const rejects = await RejectsFile.open(artefactPath(ctx, 'migrate', 'rejects.csv'));
  try {
    const batchSize = ctx.options.batchSize ?? defaultBatchSize;
    // A load that was interrupted (killed, or stopped by a lost connection) continues where it stopped.
    const resume = await canResumeJob(target, { jobId, contractHash: hash, batchSize });
    if (resume) ctx.progress('migrate', 0, contract.tables.length, `resuming job ${jobId}`);
    const report = await runMigration({
      jobId,
      contract,
      source,
      targetCatalog,
      crosswalks: crosswalkIndex,
      releaseProfile: ctx.options.releaseProfile,
      target,
      rejects,
      batchSize,
      mode: resume ? 'resume' : 'fresh',
      onProgress: (e) => ctx.progress('migrate', e.tableIndex, e.tableCount, e.table),
    });
    await writeFile(artefactPath(ctx, 'migrate', 'migration_report.json'), `${JSON.stringify(report, null, 2)}\n`);
    return { rows: report.totals.read };
  } finally {
    await rejects.close();
    await target.close();
  }
}
