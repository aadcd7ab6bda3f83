import type { Catalog, CatalogTable } from '../catalog/catalog-model.js';
import type { CsvTextChunks } from '../connectors/csv/csv-reader.js';
import type { CsvMalformed } from '../connectors/csv/csv-record.js';
import { contractHash } from '../contract/contract-hash.js';
import type { ContractTable, MappingContract, ReleaseProfile } from '../contract/contract-model.js';
import type { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import type { ChunkBuilder, ChunkKeys, MappedRecord } from './chunk-builder.js';
import { ChunkMapper, type PackedChunk } from './chunk-mapper.js';
import { KeySet } from './key-set.js';
import {
  addLedger,
  type BeginMode,
  emptyLedger,
  type LoadChunk,
  type LoadTarget,
  type OnDuplicate,
} from './load-target.js';
import { MapperPool } from './mapper-pool.js';
import {
  buildMigrationReport,
  type MigrationReport,
  type MigrationReportV2,
  type SourceFile,
  type TableLoad,
} from './migration-report.js';
import { loadNaturalKeyIndex } from './natural-key-index.js';
import type { RejectsFile } from './rejects-file.js';
import { decideSourceDateFormats } from './source-date-formats.js';

/** A source record: its fields and the line it starts on (and, for a line of a malformed record, why). */
export interface MigrationSourceRecord {
  line: number;
  fields: string[];
  malformed?: CsvMalformed;
}

/** The rows of a source, by table: what a source connector provides to a load. */
export interface MigrationSource {
  tables(): string[];
  header(table: string): Promise<string[]>;
  rows(table: string): AsyncIterable<MigrationSourceRecord>;
  /** Optional faster path: the same records in batches (one await per batch instead of per row). */
  rowBatches?(table: string): AsyncIterable<readonly MigrationSourceRecord[]>;
  /** Optional: the same records as runs of CSV text, for parsing on worker threads (`workers`). */
  textChunks?(table: string, recordsPerChunk: number): Promise<CsvTextChunks>;
  /** Optional: how a table's file was read (encoding, delimiter, line end), recorded in the report. */
  describeFile?(table: string): Promise<SourceFile>;
}

/** A source table's records, batched when the source can, one at a time otherwise. */
async function* recordBatches(source: MigrationSource, table: string): AsyncIterable<readonly MigrationSourceRecord[]> {
  if (source.rowBatches) {
    yield* source.rowBatches(table);
    return;
  }
  for await (const record of source.rows(table)) yield [record];
}

export interface MigrationOptions {
  jobId: string;
  contract: MappingContract;
  source: MigrationSource;
  targetCatalog: Catalog;
  crosswalks: CrosswalkIndex;
  releaseProfile: ReleaseProfile;
  target: LoadTarget;
  /** Where the job's rejects are written at the end (one line per problem). */
  rejects: RejectsFile;
  /** Source rows per chunk (one transaction each). Must not change when a job is resumed. */
  batchSize?: number;
  /** `resume` continues an unfinished job, skipping its committed chunks. */
  mode?: BeginMode;
  /**
   * What to do with a row whose natural key (the contract table's `naturalKey`, e.g. NHS number) is already in the
   * target or earlier in this job: `reject` it (DUPLICATE_NATURAL_KEY), `skip` it (counted as a skipped duplicate,
   * within out of scope) or `update` the row that holds the key with its values (counted as updated, within loaded;
   * the target keeps the row's before-image so a rollback restores it; within the job the last row wins). An update
   * needs the same target key as the row it replaces, and exactly one such row: otherwise the row is rejected
   * (DUPLICATE_NATURAL_KEY). Without a policy, natural keys are not enforced (quality checks report duplicates).
   */
  onDuplicate?: OnDuplicate;
  /**
   * Threads that parse and map the source (default 1: all in this thread). With more, a CSV source's chunks are parsed,
   * mapped and formatted for COPY on that many worker threads, while this thread still checks keys and writes each
   * chunk with its checkpoint in chunk order: the same rows, rejects and lineage, byte for byte. Loads that update rows
   * (`onDuplicate: 'update'`), targets that take values rather than COPY rows and non-CSV sources map in this thread.
   */
  workers?: number;
  /**
   * What the source is, exactly: `sourceFingerprint(source)` (sha256 over the source files' names and sha256s). It is
   * recorded with the job in the target and named by the report, so that later reports can be checked against it.
   */
  sourceFingerprint?: string;
  /**
   * Target keys of a table that are not integers (integers take about a bit each), held exactly in memory before the
   * load seals those already written and looks them up in the target when one might recur (default
   * {@link defaultKeyBudget}; only with a target that can look keys up, `LoadTarget.jobKeysAmong`).
   */
  keyBudget?: number;
  onProgress?: (event: { table: string; rows: number; tableIndex: number; tableCount: number }) => void;
}

function targetTableOf(catalog: Catalog, t: ContractTable): CatalogTable {
  const table = catalog.tables.find((c) => c.name === t.target);
  if (!table) {
    throw new FerryError('FERRY_ERR_CONTRACT_INVALID', `Contract table ${t.target} is not in the target catalog`, {
      table: t.target,
    });
  }
  return table;
}

/**
 * The target tables a contract loads, in its load order; FERRY_ERR_INPUT when the source lacks a table the contract
 * reads, FERRY_ERR_CONTRACT_INVALID when the target catalog lacks one it writes.
 */
export function contractLoadTables(
  contract: MappingContract,
  source: Pick<MigrationSource, 'tables'>,
  targetCatalog: Catalog,
): CatalogTable[] {
  const sourceTables = new Set(source.tables());
  for (const t of contract.tables) {
    if (!sourceTables.has(t.source)) {
      throw new FerryError('FERRY_ERR_INPUT', `The source has no table ${t.source} (needed for ${t.target})`, {
        table: t.source,
      });
    }
  }
  return contract.tables.map((t) => targetTableOf(targetCatalog, t));
}

/** Keeps at most one chunk write in flight, so the next chunk is transformed while the target writes this one. */
class ChunkPipeline {
  private inFlight: Promise<void> | undefined;

  constructor(private readonly write: (chunk: LoadChunk) => Promise<void>) {}

  async push(chunk: LoadChunk): Promise<void> {
    await this.inFlight;
    this.inFlight = this.write(chunk);
    // A failure surfaces at the next push or drain; until then it must not count as unhandled.
    this.inFlight.catch(() => {});
  }

  async drain(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = undefined;
    await pending;
  }
}

/** Non-integer target keys of a table held exactly before the load looks keys up in the target (`keyBudget`). */
export const defaultKeyBudget = 200_000;

/**
 * Makes the keys a chunk's records will be checked against answerable: the ones the key sets sealed (see `KeySet`)
 * are looked up in the target, in one query per table.
 */
async function resolveChunkKeys(
  records: readonly MappedRecord[],
  builder: ChunkBuilder,
  keys: ChunkKeys,
  lookup: (table: string, keys: readonly string[]) => Promise<string[]>,
  table: string,
): Promise<void> {
  const own: string[] = [];
  const parents = new Map<string, string[]>();
  for (const m of records) {
    if (m.status !== 'mapped') continue;
    own.push(builder.targetKey(m.values));
    for (const ref of builder.parentRefs(m.values)) {
      const list = parents.get(ref.table);
      if (list) list.push(ref.key);
      else parents.set(ref.table, [ref.key]);
    }
  }
  const sets: [string, KeySet, string[]][] = [[table, keys.own, own]];
  for (const [name, list] of parents) {
    const set = keys.parents.get(name);
    if (set) sets.push([name, set, list]);
  }
  for (const [name, set, list] of sets) {
    const check = set.unresolved(list);
    if (check.length) set.resolve(check, await lookup(name, check));
  }
}

/** Whether a chunk's keys must be resolved before it is checked (a key set it reads has sealed keys). */
function needsResolving(keys: ChunkKeys): boolean {
  if (keys.own.spilled) return true;
  for (const set of keys.parents.values()) if (set.spilled) return true;
  return false;
}

/** Source rows per chunk when none is given. */
export const defaultBatchSize = 5000;

/**
 * Runs one load job: every contract table in load order, streaming its source rows through the compiled contract into
 * the target in chunks of fixed source-row ranges. Every source row is loaded, rejected (with reasons) or out of scope,
 * and the report says so per table (conservation). Each chunk commits with its checkpoint, so `mode: 'resume'` after a
 * crash skips exactly the chunks that committed and loads the rest: no missing and no duplicate row.
 */
export async function runMigration(options: MigrationOptions): Promise<MigrationReportV2> {
  const { contract, source, targetCatalog, crosswalks, releaseProfile, target, rejects, jobId } = options;
  const batchSize = options.batchSize ?? defaultBatchSize;
  const mode = options.mode ?? 'fresh';
  const hash = contractHash(contract);
  const loadTables = contractLoadTables(contract, source, targetCatalog);
  const onDuplicate = options.onDuplicate;
  if (onDuplicate === 'update' && !target.updatable) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `--on-duplicate update needs a database target: ${target.description} cannot update rows it has written, exactly and reversibly (use skip or reject there)`,
    );
  }
  // Date formats are decided from whole columns before anything loads; an undecidable column refuses the load here.
  const { formats: dateFormats, ledger: dateFormatLedger } = await decideSourceDateFormats(contract, source);
  const sourceFingerprint = options.sourceFingerprint;
  await target.begin(
    jobId,
    loadTables,
    { contractHash: hash, releaseProfile, batchSize, onDuplicate, sourceFingerprint },
    mode,
  );

  /** Target keys loaded by this job, per target table: parents for the orphan check, and duplicate detection. */
  const loadedKeys = new Map<string, KeySet>();
  const tables: TableLoad[] = [];
  const pipeline = new ChunkPipeline((chunk) => target.writeChunk(jobId, chunk));
  const workers = options.workers ?? 1;
  const jobKeysAmong = target.jobKeysAmong?.bind(target);
  const keyBudget = jobKeysAmong ? (options.keyBudget ?? defaultKeyBudget) : Number.POSITIVE_INFINITY;
  const lookup = (name: string, list: readonly string[]) =>
    jobKeysAmong!(jobId, loadTables.find((t) => t.name === name)!, list);
  /** Started when a table first maps on worker threads. */
  let pool: MapperPool | undefined;
  let outcome: 'completed' | 'failed' = 'failed';
  try {
    for (const [tableIndex, ct] of contract.tables.entries()) {
      const targetTable = loadTables[tableIndex]!;
      const header = await source.header(ct.source);
      const mapper = new ChunkMapper(
        {
          jobId,
          table: ct,
          sourceHeader: header,
          targetTable,
          releaseProfile,
          onDuplicate,
          dateFormats: dateFormats[ct.target] ?? {},
          copyRows: target.takesCopyRows === true && onDuplicate !== 'update',
        },
        crosswalks,
      );
      const builder = mapper.builder;
      const committed = mode === 'resume' ? await target.committedChunks(jobId, ct.target) : new Map();
      const naturalKeys = await loadNaturalKeyIndex(target, targetTable, builder.naturalKey, onDuplicate);
      const own = new KeySet(keyBudget);
      if (mode === 'resume' && committed.size) {
        for await (const page of target.loadedKeys(jobId, targetTable)) {
          for (const k of page) own.add(k);
          // They are in the target: past the budget, they are sealed page by page.
          own.commitAll();
        }
      }
      own.commitAll();
      loadedKeys.set(ct.target, own);
      const keys: ChunkKeys = { own, parents: loadedKeys, naturalKeys };

      const ledger: TableLoad = {
        sourceTable: ct.source,
        targetTable: ct.target,
        domain: ct.domain,
        ...emptyLedger(),
        balanced: false,
      };
      let chunk: LoadChunk | undefined;
      /** The chunk's records, held until its keys are resolved, when a key set has sealed keys. */
      let held: MappedRecord[] | undefined;
      const close = async () => {
        if (!chunk) return;
        if (held) {
          await resolveChunkKeys(held, builder, keys, lookup, ct.target);
          for (const m of held) builder.add(chunk, m, keys);
          held = undefined;
        }
        builder.finishChunk(chunk, mapper.finish());
        addLedger(ledger, chunk.ledger);
        await pipeline.push(chunk);
        // The chunk before this one is written now.
        own.commit();
        chunk = undefined;
        options.onProgress?.({ table: ct.target, rows: ledger.read, tableIndex, tableCount: contract.tables.length });
      };

      if (workers > 1 && mapper.spec.copyRows && source.textChunks) {
        // Parsed and mapped on worker threads, admitted here in chunk order (as the single-thread path below does).
        const text = await source.textChunks(ct.source, batchSize);
        pool ??= new MapperPool(workers);
        pool.configure(mapper.spec, crosswalks.snapshot(), { ...text.parse, expectedFields: header.length });
        const queue: Promise<PackedChunk>[] = [];
        const admit = async (packed: PackedChunk) => {
          const c = builder.newChunk(packed.chunkNo);
          if (needsResolving(keys)) {
            const records = [...mapper.unpack(packed)];
            await resolveChunkKeys(records, builder, keys, lookup, ct.target);
            for (const record of records) builder.add(c, record, keys);
          } else for (const record of mapper.unpack(packed)) builder.add(c, record, keys);
          builder.finishChunk(c, packed.copy);
          addLedger(ledger, c.ledger);
          await pipeline.push(c);
          own.commit();
          options.onProgress?.({ table: ct.target, rows: ledger.read, tableIndex, tableCount: contract.tables.length });
        };
        try {
          let chunkNo = 0;
          for await (const piece of text.chunks) {
            const done = committed.get(chunkNo);
            if (done) addLedger(ledger, done);
            else {
              const mapped = pool.map(piece, chunkNo);
              // A failure surfaces when the chunk's turn comes; until then it must not count as unhandled.
              mapped.catch(() => {});
              queue.push(mapped);
            }
            chunkNo++;
            // Bounded: at most two chunks per thread in hand, so memory does not grow with the file.
            if (queue.length >= 2 * pool.size) await admit(await queue.shift()!);
          }
          while (queue.length) await admit(await queue.shift()!);
        } finally {
          await Promise.allSettled(queue);
        }
        await pipeline.drain();
        own.commitAll();
        await target.tableLoaded?.(targetTable);
        ledger.balanced = ledger.read === ledger.loaded + ledger.rejected + ledger.outOfScope;
        tables.push(ledger);
        continue;
      }

      let index = 0;
      let head = 0;
      let skipped = -1;
      for await (const batch of recordBatches(source, ct.source))
        for (const record of batch) {
          // Chunks are runs of records as the file splitter cuts them (for --workers): the lines of a malformed record
          // after its first go with it.
          if (!record.malformed?.continuation) head = index++;
          const chunkNo = Math.floor(head / batchSize);
          const done = committed.get(chunkNo);
          if (done) {
            // Committed before a crash: its ledger counts once, its rows are not mapped again.
            if (skipped !== chunkNo) addLedger(ledger, done);
            skipped = chunkNo;
            continue;
          }
          if (chunk && chunk.chunkNo !== chunkNo) await close();
          if (!chunk) {
            chunk = builder.newChunk(chunkNo);
            mapper.begin();
            if (needsResolving(keys)) held = [];
          }
          if (held) held.push(mapper.map(record));
          else builder.add(chunk, mapper.map(record), keys);
        }
      await close();
      await pipeline.drain();
      own.commitAll();
      await target.tableLoaded?.(targetTable);
      ledger.balanced = ledger.read === ledger.loaded + ledger.rejected + ledger.outOfScope;
      tables.push(ledger);
    }
    outcome = 'completed';
  } finally {
    await pipeline.drain().catch(() => {});
    await pool?.close();
    await target.finish(jobId, outcome);
  }
  for await (const line of target.rejects(jobId)) await rejects.write(line);

  return buildMigrationReport({
    jobId,
    contract,
    releaseProfile,
    sourceFingerprint: sourceFingerprint ?? null,
    tables,
    unmappedSourceTables: await countUnmappedTables(source, contract),
    rejectRows: rejects.lines,
    dateFormats: dateFormatLedger,
    ...(source.describeFile ? { sourceFiles: await describeSourceFiles(source) } : {}),
  });
}

/** How every source table's file was read, in table order (for the report). */
export async function describeSourceFiles(source: MigrationSource): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const table of [...source.tables()].sort()) {
    const described = await source.describeFile?.(table);
    if (described) files.push(described);
  }
  return files;
}

/** Source tables the contract does not load, each read once to count its rows (all out of scope). */
export async function countUnmappedTables(
  source: MigrationSource,
  contract: MappingContract,
): Promise<MigrationReport['unmappedSourceTables']> {
  const mapped = new Set(contract.tables.map((t) => t.source));
  const unmapped: MigrationReport['unmappedSourceTables'] = [];
  for (const name of [...source.tables()].sort()) {
    if (mapped.has(name)) continue;
    let read = 0;
    for await (const batch of recordBatches(source, name)) read += batch.length;
    unmapped.push({ sourceTable: name, read, outOfScope: read, reason: 'table not loaded by the contract' });
  }
  return unmapped;
}
