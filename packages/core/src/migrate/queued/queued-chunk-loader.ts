import type { CatalogTable } from '../../catalog/catalog-model.js';
import { CsvSourceConnector } from '../../connectors/csv/csv-source-connector.js';
import type { ContractTable } from '../../contract/contract-model.js';
import { CrosswalkIndex } from '../../crosswalk/crosswalk-index.js';
import { FerryError } from '../../errors.js';
import { sha256File } from '../../evidence/evidence-package.js';
import type { SqlDatabase, SqlExecutor } from '../../store/sql-database.js';
import type { ChunkKeys, MappedRecord } from '../chunk-builder.js';
import { ChunkMapper } from '../chunk-mapper.js';
import type { CopyRows } from '../copy-rows.js';
import { writeChunkRows } from '../database-load-target.js';
import { KeySet } from '../key-set.js';
import { NaturalKeyIndex } from '../natural-key-index.js';
import { advanceQueuedJob, committedChunkNumbers } from './advance-queued-job.js';
import { type ChunkJobPayload, chunkJobPayloadSchema } from './chunk-job.js';
import { ChunkRangeReader } from './chunk-range-reader.js';
import { existingJobKeys, existingNaturalKeys } from './existing-keys.js';
import { type QueuedJobPlan, readJobPlan, readJobPlanId } from './queued-job-plan.js';

/** What loading a chunk did: loaded it, or nothing because it had committed or its plan was replaced. */
export type ChunkOutcome = 'loaded' | 'already_committed' | 'superseded';

interface PreparedTable {
  ct: ContractTable;
  targetTable: CatalogTable;
  mapper: ChunkMapper;
  reader: ChunkRangeReader;
}

interface PreparedPlan {
  plan: QueuedJobPlan;
  source: CsvSourceConnector;
  tables: Map<number, Promise<PreparedTable>>;
  crosswalks: CrosswalkIndex;
}

/**
 * Loads the chunks a queued job's workers are given (the `ferry_load_chunk` task). A chunk is the same fixed range of
 * source rows the in-process load uses; its rows are mapped by the same `ChunkMapper` and `ChunkBuilder` and written by the same
 * `writeChunkRows`, in one transaction with the checkpoint. Idempotent: a chunk whose checkpoint exists, or whose plan
 * was replaced or rolled back, does nothing, so a retry after a worker died never duplicates a row.
 *
 * Mapping runs outside any lock; the decisions that depend on other chunks (parents loaded, target keys and natural
 * keys already present) and the write run inside one transaction holding a per-table advisory lock, so chunks of a
 * table commit one at a time and each sees those that committed before it. Of two rows of a job with the same target
 * key (or natural key, under a policy) in different chunks, the one whose chunk commits first loads and the other is
 * rejected (in-process: the first in file order).
 */
export class QueuedChunkLoader {
  private readonly plans = new Map<string, Promise<PreparedPlan>>();
  private readonly verified = new Map<string, Promise<void>>();

  constructor(private readonly db: SqlDatabase) {}

  /** Loads one chunk; `payload` is the queue job's (validated here). */
  async load(payload: unknown): Promise<ChunkOutcome> {
    const job = chunkJobPayloadSchema.parse(payload);
    if ((await readJobPlanId(this.db, job.jobId)) !== job.planId) return 'superseded';
    const prepared = await this.prepare(job.jobId, job.planId);
    const current = prepared.plan;
    const spec = current.tables[job.table];
    if (!spec || job.chunk >= spec.chunks) {
      throw new FerryError('FERRY_ERR_INPUT', `Job ${job.jobId} has no chunk ${job.chunk} of table ${job.table}`);
    }
    if ((await committedChunkNumbers(this.db, job.jobId, spec.target)).has(job.chunk)) return 'already_committed';

    const table = await this.table(prepared, job.table);
    await this.verifySource(prepared, table.ct.source);
    const { batchSize } = current;
    const records = await table.reader.read(job.chunk * batchSize, (job.chunk + 1) * batchSize);
    const expected = Math.min(batchSize, spec.rows - job.chunk * batchSize);
    if (records.length !== expected) {
      throw new FerryError(
        'FERRY_ERR_INPUT',
        `Chunk ${job.chunk} of ${table.ct.source} has ${records.length} rows, the plan says ${expected}: the source changed`,
        { table: table.ct.source },
      );
    }
    // Mapped and formatted as COPY lines in one synchronous run: the table's mapper is shared by this worker's
    // concurrent chunks, and nothing else can use it between begin and finish.
    table.mapper.begin();
    const mapped = records.map((r) => table.mapper.map(r));
    const copy = table.mapper.finish();
    return this.db.transaction((tx) => this.commit(tx, current, job, table, { records: mapped, copy }));
  }

  private async commit(
    tx: SqlExecutor,
    plan: QueuedJobPlan,
    job: ChunkJobPayload,
    table: PreparedTable,
    mapped: { records: MappedRecord[]; copy: CopyRows | undefined },
  ): Promise<ChunkOutcome> {
    const { targetTable } = table;
    const { builder } = table.mapper;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('ferry_load_chunk:' || current_schema() || '.' || $1))`, [
      targetTable.name,
    ]);
    // Re-planning replaces the plan row, and rollback the job row: both wait for this share lock, and a chunk that
    // took it after them sees that it is not wanted any more.
    const [state] = await tx.query<{ plan_id: string; status: string }>(
      `SELECT p.plan_id, j.status FROM ferry_job_plans p JOIN ferry_jobs j ON j.job_id = p.job_id
        WHERE p.job_id = $1 FOR SHARE`,
      [job.jobId],
    );
    if (!state || state.plan_id !== job.planId || state.status === 'rolled_back') return 'superseded';
    const [done] = await tx.query(
      'SELECT 1 FROM ferry_job_chunks WHERE job_id = $1 AND target_table = $2 AND chunk_no = $3',
      [job.jobId, targetTable.name, job.chunk],
    );
    if (done) return 'already_committed';

    const ownKeys: string[] = [];
    const parentKeys = new Map<string, string[]>();
    const naturalKeys: string[] = [];
    for (const m of mapped.records) {
      if (m.status !== 'mapped') continue;
      ownKeys.push(builder.targetKey(m.values));
      for (const ref of builder.parentRefs(m.values)) {
        const list = parentKeys.get(ref.table);
        if (list) list.push(ref.key);
        else parentKeys.set(ref.table, [ref.key]);
      }
      const nk = builder.naturalKeyOf(m.values);
      if (nk !== undefined) naturalKeys.push(nk);
    }
    const parents = new Map<string, KeySet>();
    for (const [name, keys] of parentKeys) {
      const parentTable = plan.targetTables.find((t) => t.name === name);
      // A parent this job does not load has no rows of this job: every reference to it is an orphan, as in-process.
      parents.set(name, parentTable ? await existingJobKeys(tx, job.jobId, parentTable, keys) : new KeySet());
    }
    const keys: ChunkKeys = {
      own: await existingJobKeys(tx, job.jobId, targetTable, ownKeys),
      parents,
      naturalKeys: builder.naturalKey
        ? await existingNaturalKeys(tx, targetTable, builder.naturalKey, naturalKeys)
        : new NaturalKeyIndex(),
    };
    const chunk = builder.newChunk(job.chunk);
    for (const m of mapped.records) builder.add(chunk, m, keys);
    builder.finishChunk(chunk, mapped.copy);
    await writeChunkRows(tx, job.jobId, chunk);

    const spec = plan.tables[job.table]!;
    const [count] = await tx.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM ferry_job_chunks WHERE job_id = $1 AND target_table = $2',
      [job.jobId, targetTable.name],
    );
    if (Number(count?.n) >= spec.chunks) await advanceQueuedJob(tx, plan, job.table + 1);
    return 'loaded';
  }

  /** The plan, read and compiled once per plan id (a plan never changes under its id). */
  private prepare(jobId: string, planId: string): Promise<PreparedPlan> {
    const key = `${jobId}\n${planId}`;
    let p = this.plans.get(key);
    if (!p) {
      p = (async () => {
        const plan = await readJobPlan(this.db, jobId);
        if (plan?.planId !== planId) {
          throw new FerryError('FERRY_ERR_CONFLICT', `Job ${jobId} was planned again while a chunk was starting`);
        }
        return {
          plan,
          source: await CsvSourceConnector.open(plan.source.path, {
            encoding: plan.source.encoding,
            delimiter: plan.source.delimiter ?? 'auto',
          }),
          tables: new Map(),
          crosswalks: new CrosswalkIndex(plan.crosswalks),
        };
      })();
      p.catch(() => this.plans.delete(key));
      this.plans.set(key, p);
      // A long-lived worker sees many jobs; it keeps the few most recent plans.
      if (this.plans.size > 8) {
        const [oldest, evicted] = this.plans.entries().next().value!;
        this.plans.delete(oldest);
        void closePlan(evicted);
      }
    }
    return p;
  }

  private table(prepared: PreparedPlan, index: number): Promise<PreparedTable> {
    let t = prepared.tables.get(index);
    if (!t) {
      t = (async () => {
        const { plan, source } = prepared;
        const ct = plan.contract.tables[index]!;
        const targetTable = plan.targetTables[index]!;
        const header = await source.header(ct.source);
        const mapper = new ChunkMapper(
          {
            jobId: plan.jobId,
            table: ct,
            sourceHeader: header,
            targetTable,
            releaseProfile: plan.releaseProfile,
            onDuplicate: plan.onDuplicate,
            dateFormats: plan.dateFormats[ct.target] ?? {},
            copyRows: true,
          },
          prepared.crosswalks,
        );
        const reader = new ChunkRangeReader(() => source.rowBatches(ct.source));
        return { ct, targetTable, mapper, reader };
      })();
      t.catch(() => prepared.tables.delete(index));
      prepared.tables.set(index, t);
    }
    return t;
  }

  /** Refuses a source file that is not the one the job was planned with (once per plan and table). */
  private verifySource(prepared: PreparedPlan, table: string): Promise<void> {
    const key = `${prepared.plan.planId}\n${table}`;
    let v = this.verified.get(key);
    if (!v) {
      v = (async () => {
        const file = prepared.source.filePath(table);
        const { sha256 } = await sha256File(file);
        if (sha256 !== prepared.plan.source.sha256[table]) {
          throw new FerryError(
            'FERRY_ERR_INPUT',
            `The source file of ${table} is not the one job ${prepared.plan.jobId} was planned with (SHA-256 differs)`,
            { file, table },
          );
        }
      })();
      v.catch(() => this.verified.delete(key));
      this.verified.set(key, v);
    }
    return v;
  }
}

/** Closes the source files a plan's readers hold open. */
async function closePlan(plan: Promise<PreparedPlan>): Promise<void> {
  const prepared = await plan.catch(() => undefined);
  for (const t of prepared?.tables.values() ?? []) await (await t.catch(() => undefined))?.reader.close();
}
