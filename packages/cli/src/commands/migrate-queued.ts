import { join } from 'node:path';
import {
  assertQueueDatabaseUrl,
  type CsvDelimiter,
  DatabaseLoadTarget,
  FerryError,
  type OnDuplicate,
  PostgresDatabase,
  planQueuedMigration,
  RejectsFile,
  type ReleaseProfile,
  waitForQueuedJob,
} from '@ferry/core';
import type { PackInputs } from '../pack-inputs.js';
import { csvSourcePath } from '../pack-inputs.js';
import { StageProgress } from '../progress.js';
import { policyTables, writeMigrationReport } from './migration-report-output.js';

/** The `ferry migrate` flags of a queued load. */
export interface QueueFlags {
  queue?: boolean;
  queueSchema: string;
  /** commander's `--no-wait`: false when given. */
  wait: boolean;
}

interface QueuedMigrateFlags extends QueueFlags {
  source: string;
  target: string;
  resume?: string;
  batchSize?: number;
  releaseProfile: ReleaseProfile;
  onDuplicate?: OnDuplicate;
  encoding: 'auto' | 'utf-8' | 'windows-1252' | 'latin1';
  delimiter: 'auto' | CsvDelimiter;
  json?: boolean;
}

/**
 * `ferry migrate --queue`: plans the job in the target and queues its chunks for `ferry worker` processes, then
 * (unless `--no-wait`) follows their progress and writes the report and rejects as an in-process load does.
 */
export async function migrateQueued(
  flags: QueuedMigrateFlags,
  inputs: PackInputs,
  jobId: string,
  out: string,
): Promise<number> {
  assertQueueDatabaseUrl(flags.target, '--target (with --queue)');
  const db = await PostgresDatabase.open(flags.target).catch((e) => {
    throw new FerryError('FERRY_ERR_TARGET_UNREACHABLE', 'The target database could not be reached', {}, { cause: e });
  });
  const progress = new StageProgress(!flags.json);
  try {
    const { plan, queued } = await planQueuedMigration({
      jobId,
      contract: inputs.contract,
      sourcePath: csvSourcePath(flags.source),
      encoding: flags.encoding,
      delimiter: flags.delimiter,
      targetCatalog: inputs.targetCatalog,
      crosswalks: inputs.crosswalks,
      releaseProfile: flags.releaseProfile,
      db,
      queue: { connectionString: flags.target, schema: flags.queueSchema },
      batchSize: flags.batchSize,
      onDuplicate: flags.onDuplicate,
      mode: flags.resume ? 'resume' : 'fresh',
    });
    const total = plan.tables.reduce((n, t) => n + t.chunks, 0);
    process.stderr.write(
      `Job ${jobId}: ${total} chunks in ${plan.tables.length} tables; ${queued} chunks of the first table to load queued in ${plan.queueSchema}\n`,
    );
    if (!flags.wait) {
      process.stderr.write(`  workers load it: ferry worker --database <target url>\n`);
      return 0;
    }
    progress.start('migrate', total);
    let warned = '';
    const report = await waitForQueuedJob(db, plan, {
      onProgress: (p) => {
        progress.update(p.committedChunks, p.totalChunks, p.table ?? '');
        const retry = p.retrying[0];
        if (retry && retry.error !== warned) {
          warned = retry.error;
          process.stderr.write(`  retrying ${retry.key} (attempt ${retry.attempts}): ${retry.error}\n`);
        }
      },
    });
    progress.update(total, total);
    progress.stop();
    const target = new DatabaseLoadTarget(db);
    const rejects = await RejectsFile.open(join(out, 'rejects.csv'));
    try {
      for await (const line of target.rejects(jobId)) await rejects.write(line);
    } finally {
      await rejects.close();
    }
    return await writeMigrationReport(report, {
      out,
      json: flags.json,
      into: db.displayUrl,
      policyTables: policyTables(inputs.contract, flags.onDuplicate),
    });
  } finally {
    progress.fail();
    await db.close();
  }
}
