import type { CatalogTable } from '../catalog/catalog-model.js';
import type { ContractTable, ReleaseProfile } from '../contract/contract-model.js';
import type { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { CompiledTable } from '../transform/compiled-table.js';
import { ChunkBuilder, type MappedRecord, type SourceRecord } from './chunk-builder.js';
import { type CopyRows, CopyRowWriter } from './copy-rows.js';
import type { OnDuplicate } from './load-target.js';
import { targetKeyColumn } from './target-ddl.js';

/** Everything a ChunkMapper needs besides the crosswalks, as plain data (a worker thread builds the same mapper). */
export interface ChunkMapperSpec {
  jobId: string;
  table: ContractTable;
  sourceHeader: string[];
  targetTable: CatalogTable;
  releaseProfile: ReleaseProfile;
  onDuplicate?: OnDuplicate;
  /** Per target field, the source date format decided from its whole column (`decideSourceDateFormats`). */
  dateFormats?: Record<string, string[]>;
  /** Format each mapped row as its COPY line (for a target that `takesCopyRows`; never when updating rows). */
  copyRows: boolean;
}

/**
 * One chunk's source records mapped through the contract, packed to cross from a worker thread cheaply: the records
 * that did not map as they are, the mapped ones as columns of the few values the main thread's checks read, and their
 * rows as COPY bytes (transferred, not copied).
 */
export interface PackedChunk {
  chunkNo: number;
  /** Records in the chunk. */
  count: number;
  /** The records that did not map (ragged, out of scope, rejected), with their index in the chunk. */
  others: { at: number; record: MappedRecord }[];
  /** Per mapped record, in order: its lineage key, line, and key column values (`keyColumns.length` each). */
  keys: string[];
  lines: number[];
  keyValues: string[];
  copy?: CopyRows;
}

/**
 * Maps source records through a compiled contract table, one chunk at a time, and formats each mapped row as its COPY
 * line: the work that needs no knowledge of other chunks, and so can run on a worker thread. The decisions that need
 * the job so far (parents, duplicate keys, natural keys) stay with `ChunkBuilder.add` on the main thread. The same
 * code maps in the main thread and in workers, so both load the same rows, byte for byte.
 *
 * @example
 * const mapper = new ChunkMapper(spec, crosswalks);
 * mapper.begin(0);
 * const mapped = records.map((r) => mapper.map(r));
 * const copy = mapper.finish();
 */
export class ChunkMapper {
  readonly builder: ChunkBuilder;
  private readonly copyWriter?: CopyRowWriter;
  /** The columns the main thread's checks read: all that a worker sends back of a row besides its COPY line. */
  private readonly keyColumns: number[];
  private readonly width: number;

  constructor(
    readonly spec: ChunkMapperSpec,
    crosswalks: CrosswalkIndex,
  ) {
    const { table, targetTable, sourceHeader, releaseProfile, onDuplicate, jobId, dateFormats } = spec;
    const compiled = new CompiledTable(table, { sourceHeader, targetTable, crosswalks, releaseProfile, dateFormats });
    this.builder = new ChunkBuilder(table, compiled, sourceHeader, targetTable, onDuplicate, jobId);
    if (spec.copyRows && onDuplicate === 'update') {
      throw new Error('ChunkMapper: COPY rows are for loads that only insert (not --on-duplicate update)');
    }
    if (spec.copyRows) this.copyWriter = new CopyRowWriter(jobId, table.source);
    const columns = compiled.targetColumns;
    const wanted = [targetKeyColumn(targetTable), ...table.parents.map((p) => p.field)];
    if (onDuplicate && table.naturalKey?.length) wanted.push(...table.naturalKey);
    this.keyColumns = [...new Set(wanted.map((c) => columns.indexOf(c)))].filter((i) => i >= 0);
    this.width = columns.length;
  }

  /** Starts a chunk: COPY lines of rows mapped since the last `finish` are dropped. */
  begin(): void {
    this.copyWriter?.finish();
  }

  /** Maps one record (in the main thread); a mapped row gets its COPY line when the mapper formats them. */
  map(record: SourceRecord): MappedRecord {
    const mapped = this.builder.map(record);
    if (mapped.status !== 'mapped' || !this.copyWriter) return mapped;
    mapped.copyRow = this.copyWriter.rows;
    this.copyWriter.add(mapped.values, mapped.key);
    return mapped;
  }

  /** The COPY lines of the rows mapped since `begin`, when the mapper formats them. */
  finish(): CopyRows | undefined {
    return this.copyWriter?.finish();
  }

  /** Starts a chunk in packed form (on a worker thread); records are then added with `addPacked`. */
  beginPacked(chunkNo: number): PackedChunk {
    if (!this.copyWriter) throw new Error('ChunkMapper: packed chunks carry their rows as COPY lines');
    this.begin();
    return { chunkNo, count: 0, others: [], keys: [], lines: [], keyValues: [] };
  }

  /** Maps one record into a packed chunk: only its few key values and its COPY line outlive the call. */
  addPacked(packed: PackedChunk, record: SourceRecord): void {
    const at = packed.count++;
    const r = this.builder.map(record);
    if (r.status !== 'mapped') {
      packed.others.push({ at, record: r });
      return;
    }
    this.copyWriter!.add(r.values, r.key);
    packed.keys.push(r.key);
    packed.lines.push(r.line);
    for (const i of this.keyColumns) packed.keyValues.push(r.values[i]!);
  }

  /** Completes a packed chunk with its COPY lines. */
  finishPacked(packed: PackedChunk): PackedChunk {
    packed.copy = this.copyWriter!.finish();
    return packed;
  }

  /** The records of a packed chunk, in order, as `ChunkBuilder.add` takes them (on the main thread). */
  *unpack(packed: PackedChunk): Generator<MappedRecord> {
    const k = this.keyColumns.length;
    let other = 0;
    let row = 0;
    for (let at = 0; at < packed.count; at++) {
      const o = packed.others[other];
      if (o && o.at === at) {
        other++;
        yield o.record;
        continue;
      }
      // Only the key columns: in a load that only inserts, nothing else reads a row's values (its COPY line is the row).
      const values = new Array<string>(this.width);
      for (let c = 0; c < k; c++) values[this.keyColumns[c]!] = packed.keyValues[row * k + c]!;
      yield { status: 'mapped', key: packed.keys[row]!, line: packed.lines[row]!, values, copyRow: row };
      row++;
    }
  }
}
