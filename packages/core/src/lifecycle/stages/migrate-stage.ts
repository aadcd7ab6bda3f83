import { writeFile } from 'node:fs/promises';
import type { SourceConnector } from '../../connectors/source-connector.js';
import { contractHash } from '../../contract/contract-hash.js';
import { buildInputHashes, sourceFileHashes } from '../../evidence/input-hashes.js';
import { openLoadTarget } from '../../migrate/open-load-target.js';
import { RejectsFile } from '../../migrate/rejects-file.js';
import { defaultBatchSize, runMigration } from '../../migrate/run-migration.js';
import { deriveJobId } from '../job-id.js';
import { artefactPath, type LifecycleContext } from '../lifecycle-context.js';
import { runSource } from '../run-source.js';
import { replaceEarlierJobs } from '../target-jobs.js';
import { canResumeJob } from './resumable-job.js';

/**
 * Loads the source into the target with the reviewed contract: `migrate/migration_report.json`, `migrate/rejects.csv`,
 * and `migrate/inputs.json` (the sha256 of each source file read, of the crosswalks and of the contract). A rerun of
 * the lifecycle (same `--out`) into the same database target replaces the job its earlier runs loaded there.
 */
export async function migrateStage(ctx: LifecycleContext): Promise<{ rows: number }> {
  return migrateFrom(ctx, await runSource(ctx));
}

async function migrateFrom(ctx: LifecycleContext, source: SourceConnector): Promise<{ rows: number }> {
  const { contract, targetCatalog, crosswalkIndex } = ctx.pack;
  const inputs = buildInputHashes({
    sourceFiles: await sourceFileHashes(source),
    crosswalks: ctx.pack.crosswalks,
    contract,
  });
  await writeFile(artefactPath(ctx, 'migrate', 'inputs.json'), `${JSON.stringify(inputs, null, 2)}\n`);
  const hash = contractHash(contract);
  const jobId = deriveJobId(hash, inputs.source.fingerprint, ctx.options.releaseProfile);
  ctx.record.jobId = jobId;
  const target = await openLoadTarget(ctx.options.target);
  const rejects = await RejectsFile.open(artefactPath(ctx, 'migrate', 'rejects.csv'));
  let rows: number;
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
      sourceFingerprint: inputs.source.fingerprint,
      onProgress: (e) => ctx.progress('migrate', e.tableIndex, e.tableCount, e.table),
    });
    await writeFile(artefactPath(ctx, 'migrate', 'migration_report.json'), `${JSON.stringify(report, null, 2)}\n`);
    rows = report.totals.read;
  } finally {
    await rejects.close();
    await target.close();
  }
  // The new job is in: the jobs earlier runs of this lifecycle loaded into the same target go, so it replaces them.
  ctx.record.targetJobs = await replaceEarlierJobs(ctx.store, ctx.options.target, jobId);
  return { rows };
}
