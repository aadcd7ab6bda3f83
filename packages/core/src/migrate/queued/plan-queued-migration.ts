import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Catalog } from '../../catalog/catalog-model.js';
import { CsvSourceConnector } from '../../connectors/csv/csv-source-connector.js';
import { contractHash } from '../../contract/contract-hash.js';
import type { MappingContract, ReleaseProfile } from '../../contract/contract-model.js';
import type { CrosswalkSet } from '../../crosswalk/crosswalk-model.js';
import { FerryError } from '../../errors.js';
import { sha256File } from '../../evidence/evidence-package.js';
import { sourceFingerprint } from '../../provenance/source-fingerprint.js';
import { type QueueConfig, queueSchema } from '../../queue/queue-config.js';
import { migrateQueueSchema } from '../../queue/queue-schema.js';
import type { SqlDatabase } from '../../store/sql-database.js';
import { DatabaseLoadTarget } from '../database-load-target.js';
import type { BeginMode, OnDuplicate } from '../load-target.js';
import { contractLoadTables, countUnmappedTables, describeSourceFiles } from '../run-migration.js';
import { decideSourceDateFormats } from '../source-date-formats.js';
import { advanceQueuedJob } from './advance-queued-job.js';
import { jobPlansTableSql, type QueuedJobPlan, readJobPlan, saveJobPlan } from './queued-job-plan.js';

export interface QueuedMigrationOptions {
  jobId: string;
  contract: MappingContract;
  /** A folder (or file) of CSV source files that every worker can read at this path (a shared mount). */
  sourcePath: string;
  encoding?: QueuedJobPlan['source']['encoding'];
  delimiter?: QueuedJobPlan['source']['delimiter'];
  targetCatalog: Catalog;
  crosswalks: CrosswalkSet;
  releaseProfile: ReleaseProfile;
  /** The target: a PostgreSQL server database, which also holds the queue. */
  db: SqlDatabase;
  /** The queue: the same database's connection string, and its schema. */
  queue: QueueConfig;
  batchSize?: number;
  /** `update` is refused: it needs a table's chunks in file order (the last row wins), and queued chunks commit in any order. */
  onDuplicate?: OnDuplicate;
  /** `resume` keeps the committed chunks of an unfinished job and queues the rest again. */
  mode?: BeginMode;
}

/** Data records of a table (the header excluded), counted by reading its file once. */
async function countRows(source: CsvSourceConnector, table: string): Promise<number> {
  let n = 0;
  for await (const batch of source.rowBatches(table)) n += batch.length;
  return n;
}

/**
 * Plans a load job for workers (`ferry worker`) instead of loading it in this process: prepares the target as the
 * in-process load does (a fresh job first removes what an earlier attempt of it loaded), records the plan, and queues
 * the chunks of the first table (each later table is queued by the commit that completes the one before it).
 * Queueing again is idempotent: chunk jobs have keys, and a chunk that has committed is never loaded twice.
 *
 * @example
 * const { plan } = await planQueuedMigration({ jobId, contract, sourcePath: '/mnt/extract', ..., db, queue });
 * // then: ferry worker --database <url>, and waitForQueuedJob(db, plan)
 */
export async function planQueuedMigration(
  options: QueuedMigrationOptions,
): Promise<{ plan: QueuedJobPlan; queued: number }> {
  const { jobId, contract, db } = options;
  const mode = options.mode ?? 'fresh';
  if (options.onDuplicate === 'update') {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      '--on-duplicate update cannot be queued: updates apply in file order (the last row wins) and queued chunks commit in any order; load it in-process, or use skip or reject',
    );
  }
  const onDuplicate = options.onDuplicate;
  const batchSize = options.batchSize ?? 5000;
  const encoding = options.encoding ?? 'auto';
  const path = resolve(options.sourcePath);
  const delimiter = options.delimiter ?? 'auto';
  const source = await CsvSourceConnector.open(path, { encoding, delimiter });
  const loadTables = contractLoadTables(contract, source, options.targetCatalog);
  // Decided from whole columns before anything is planned; an undecidable column refuses the job here.
  const { formats: dateFormats, ledger: dateFormatLedger } = await decideSourceDateFormats(contract, source);

  const sha256: Record<string, string> = {};
  const tables: QueuedJobPlan['tables'] = [];
  for (const ct of contract.tables) {
    sha256[ct.source] = (await sha256File(source.filePath(ct.source))).sha256;
    const rows = await countRows(source, ct.source);
    tables.push({ target: ct.target, source: ct.source, rows, chunks: Math.ceil(rows / batchSize) });
  }
  const schema = queueSchema(options.queue);
  await migrateQueueSchema(options.queue);
  await db.exec(jobPlansTableSql);

  const previous = mode === 'resume' ? await readJobPlan(db, jobId) : undefined;
  const plan: QueuedJobPlan = {
    version: 1,
    jobId,
    // A resumed job keeps its plan id, so the chunks it already queued stay valid.
    planId: previous?.planId ?? randomUUID(),
    queueSchema: schema,
    contract,
    targetTables: loadTables,
    crosswalks: options.crosswalks,
    releaseProfile: options.releaseProfile,
    onDuplicate,
    batchSize,
    source: { kind: 'csv', path, encoding, ...(delimiter !== 'auto' ? { delimiter } : {}), sha256 },
    tables,
    unmappedSourceTables: await countUnmappedTables(source, contract),
    dateFormats,
    dateFormatLedger,
    sourceFiles: await describeSourceFiles(source),
  };
  // The plan is replaced first: from then on, chunks of an earlier plan do nothing (they check the plan id under the
  // same row lock), so the fresh start below cannot be undone by a late chunk of the old plan.
  // A resumed job is checked (same contract and chunk size) before its plan is touched.
  const target = new DatabaseLoadTarget(db);
  const meta = {
    contractHash: contractHash(contract),
    releaseProfile: plan.releaseProfile,
    batchSize,
    onDuplicate,
    sourceFingerprint: await sourceFingerprint(source),
  };
  // The job's lock (on a server) is held while it is planned; its chunks are written under their tables' locks.
  try {
    if (mode === 'resume') await target.begin(jobId, loadTables, meta, mode);
    await saveJobPlan(db, plan);
    if (mode === 'fresh') await target.begin(jobId, loadTables, meta, mode);
  } finally {
    await target.releaseJobLocks();
  }
  const next = await db.transaction((tx) => advanceQueuedJob(tx, plan));
  await db.query(`INSERT INTO ferry_job_events (job_id, event, detail) VALUES ($1, 'queued_job_planned', $2)`, [
    jobId,
    JSON.stringify({ planId: plan.planId, mode, chunks: tables.reduce((n, t) => n + t.chunks, 0) }),
  ]);
  return { plan, queued: next.status === 'queued' ? next.chunks : 0 };
}
