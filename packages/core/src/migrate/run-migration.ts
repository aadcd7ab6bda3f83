import type { Catalog, CatalogTable } from '../catalog/catalog-model.js';
import { contractHash } from '../contract/contract-hash.js';
import type { ContractTable, MappingContract, ReleaseProfile } from '../contract/contract-model.js';
import type { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import { CompiledTable } from '../transform/compiled-table.js';
import type { RowProblem } from '../transform/reject-reasons.js';
import { KeySet } from './key-set.js';
import { addLedger, type BeginMode, emptyLedger, type LoadChunk, type LoadTarget } from './load-target.js';
import type { MigrationReport, TableLoad } from './migration-report.js';
import type { RejectsFile } from './rejects-file.js';
import { targetKeyColumn } from './target-ddl.js';

/** The rows of a source, by table: what a source connector provides to a load. */
export interface MigrationSource {
  tables(): string[];
  header(table: string): Promise<string[]>;
  rows(table: string): AsyncIterable<{ line: number; fields: string[] }>;
  /** Optional faster path: the same records in batches (one await per batch instead of per row). */
  rowBatches?(table: string): AsyncIterable<readonly { line: number; fields: string[] }[]>;
}

/** A source table's records, batched when the source can, one at a time otherwise. */
async function* recordBatches(
  source: MigrationSource,
  table: string,
): AsyncIterable<readonly { line: number; fields: string[] }[]> {
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
   * target or earlier in this job: `reject` it (DUPLICATE_NATURAL_KEY) or `skip` it (counted as a skipped duplicate,
   * within out of scope). Without a policy, natural keys are not enforced (quality checks report duplicates).
   */
  onDuplicate?: 'skip' | 'reject';
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

/**
 * Runs one load job: every contract table in load order, streaming its source rows through the compiled contract into
 * the target in chunks of fixed source-row ranges. Every source row is loaded, rejected (with reasons) or out of scope,
 * and the report says so per table (conservation). Each chunk commits with its checkpoint, so `mode: 'resume'` after a
 * crash skips exactly the chunks that committed and loads the rest: no missing and no duplicate row.
 */
export async function runMigration(options: MigrationOptions): Promise<MigrationReport> {
  const { contract, source, targetCatalog, crosswalks, releaseProfile, target, rejects, jobId } = options;
  const batchSize = options.batchSize ?? 5000;
  const mode = options.mode ?? 'fresh';
  const hash = contractHash(contract);
  const sourceTables = new Set(source.tables());
  for (const t of contract.tables) {
    if (!sourceTables.has(t.source)) {
      throw new FerryError('FERRY_ERR_INPUT', `The source has no table ${t.source} (needed for ${t.target})`, {
        table: t.source,
      });
    }
  }
  const loadTables = contract.tables.map((t) => targetTableOf(targetCatalog, t));
  await target.begin(jobId, loadTables, { contractHash: hash, releaseProfile, batchSize }, mode);

  /** Target keys loaded by this job, per target table: parents for the orphan check, and duplicate detection. */
  const loadedKeys = new Map<string, KeySet>();
  const tables: TableLoad[] = [];
  const pipeline = new ChunkPipeline((chunk) => target.writeChunk(jobId, chunk));
  let outcome: 'completed' | 'failed' = 'failed';
  try {
    for (const [tableIndex, ct] of contract.tables.entries()) {
      const targetTable = loadTables[tableIndex]!;
      const header = await source.header(ct.source);
      const compiled = new CompiledTable(ct, { sourceHeader: header, targetTable, crosswalks, releaseProfile });
      const keyIndex = compiled.targetColumns.indexOf(targetKeyColumn(targetTable));
      const parents = ct.parents.map((p) => ({
        field: p.field,
        index: compiled.targetColumns.indexOf(p.field),
        keys: loadedKeys.get(p.table) ?? new KeySet(),
        table: p.table,
      }));
      const committed = mode === 'resume' ? await target.committedChunks(jobId, ct.target) : new Map();
      const naturalKey = options.onDuplicate && ct.naturalKey?.length ? ct.naturalKey : undefined;
      const nkIndexes = naturalKey?.map((c) => compiled.targetColumns.indexOf(c)) ?? [];
      const seenNaturalKeys = new KeySet();
      if (naturalKey) for (const k of await target.naturalKeys(jobId, targetTable, naturalKey)) seenNaturalKeys.add(k);
      const own = new KeySet();
      if (mode === 'resume' && committed.size) for (const k of await target.loadedKeys(jobId, targetTable)) own.add(k);
      loadedKeys.set(ct.target, own);

      const ledger: TableLoad = {
        sourceTable: ct.source,
        targetTable: ct.target,
        domain: ct.domain,
        ...emptyLedger(),
        balanced: false,
      };
      let chunk: LoadChunk | undefined;
      const newChunk = (chunkNo: number): LoadChunk => ({
        table: targetTable,
        sourceTable: ct.source,
        chunkNo,
        rows: [],
        lineage: [],
        rejects: [],
        ledger: emptyLedger(),
      });
      const close = async () => {
        if (!chunk) return;
        addLedger(ledger, chunk.ledger);
        await pipeline.push(chunk);
        chunk = undefined;
        options.onProgress?.({ table: ct.target, rows: ledger.read, tableIndex, tableCount: contract.tables.length });
      };
      const reject = (c: LoadChunk, key: string, line: number, problems: RowProblem[]) => {
        c.ledger.rejected++;
        for (const p of new Set(problems.map((x) => x.reasonCode))) {
          c.ledger.rejectsByReason[p] = (c.ledger.rejectsByReason[p] ?? 0) + 1;
        }
        c.rejects.push({ sourceKey: key, line, problems });
      };

      let index = 0;
      let skipped = -1;
      for await (const batch of recordBatches(source, ct.source))
        for (const record of batch) {
          const chunkNo = Math.floor(index++ / batchSize);
          const done = committed.get(chunkNo);
          if (done) {
            // Committed before a crash: its ledger counts once, its rows are not mapped again.
            if (skipped !== chunkNo) addLedger(ledger, done);
            skipped = chunkNo;
            continue;
          }
          if (chunk && chunk.chunkNo !== chunkNo) await close();
          chunk ??= newChunk(chunkNo);
          const c = chunk;
          c.ledger.read++;
          if (record.fields.length !== header.length) {
            reject(c, compiled.sourceKey(record.fields), record.line, [
              {
                reasonCode: 'RAGGED_ROW',
                field: '',
                message: `row has ${record.fields.length} fields, header has ${header.length}`,
              },
            ]);
            continue;
          }
          const mapped = compiled.map(record.fields);
          if (mapped.status === 'out_of_scope') {
            c.ledger.outOfScope++;
            continue;
          }
          if (mapped.status === 'rejected') {
            reject(c, mapped.key, record.line, mapped.problems);
            continue;
          }
          const problems: RowProblem[] = [];
          for (const p of parents) {
            const v = mapped.values[p.index]!;
            if (v !== '' && !p.keys.has(v)) {
              problems.push({
                reasonCode: 'ORPHAN',
                field: p.field,
                message: `no loaded ${p.table} row with this key`,
              });
            }
          }
          const targetKey = mapped.values[keyIndex]!;
          if (own.has(targetKey)) {
            problems.push({
              reasonCode: 'DUPLICATE_KEY',
              field: targetTable.columns[keyIndex]!.name,
              message: 'another row of this job has the same target key',
            });
          }
          if (problems.length) {
            reject(c, mapped.key, record.line, problems);
            continue;
          }
          if (naturalKey) {
            const parts = nkIndexes.map((i) => mapped.values[i]!);
            const nk = parts.every((p) => p !== '') ? parts.join('|') : undefined;
            if (nk !== undefined && seenNaturalKeys.has(nk)) {
              if (options.onDuplicate === 'skip') {
                c.ledger.outOfScope++;
                c.ledger.duplicatesSkipped++;
              } else {
                reject(c, mapped.key, record.line, [
                  {
                    reasonCode: 'DUPLICATE_NATURAL_KEY',
                    field: naturalKey.join('+'),
                    message: 'a row with the same natural key is already loaded',
                  },
                ]);
              }
              continue;
            }
            if (nk !== undefined) seenNaturalKeys.add(nk);
          }
          own.add(targetKey);
          c.ledger.loaded++;
          c.rows.push(mapped.values);
          c.lineage.push({ sourceTable: ct.source, sourceKey: mapped.key });
        }
      await close();
      await pipeline.drain();
      ledger.balanced = ledger.read === ledger.loaded + ledger.rejected + ledger.outOfScope;
      tables.push(ledger);
    }
    outcome = 'completed';
  } finally {
    await pipeline.drain().catch(() => {});
    await target.finish(jobId, outcome);
  }
  for await (const line of target.rejects(jobId)) await rejects.write(line);

  const mapped = new Set(contract.tables.map((t) => t.source));
  const unmappedSourceTables: MigrationReport['unmappedSourceTables'] = [];
  for (const name of [...sourceTables].sort()) {
    if (mapped.has(name)) continue;
    let read = 0;
    for await (const _ of source.rows(name)) read++;
    unmappedSourceTables.push({
      sourceTable: name,
      read,
      outOfScope: read,
      reason: 'table not loaded by the contract',
    });
  }

  const totals = { read: 0, loaded: 0, rejected: 0, outOfScope: 0, rejectRows: rejects.lines };
  for (const t of tables) {
    totals.read += t.read;
    totals.loaded += t.loaded;
    totals.rejected += t.rejected;
    totals.outOfScope += t.outOfScope;
  }
  for (const t of unmappedSourceTables) {
    totals.read += t.read;
    totals.outOfScope += t.outOfScope;
  }
  return {
    version: 1,
    jobId,
    contract: { name: contract.name, label: contract.label, hash },
    releaseProfile,
    tables,
    unmappedSourceTables,
    totals,
    balanced: tables.every((t) => t.balanced) && totals.read === totals.loaded + totals.rejected + totals.outOfScope,
  };
}
