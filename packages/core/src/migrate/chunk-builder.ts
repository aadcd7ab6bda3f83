import type { CatalogTable } from '../catalog/catalog-model.js';
import { malformedRecordMessage } from '../connectors/csv/csv-malformed-record.js';
import type { CsvMalformed } from '../connectors/csv/csv-record.js';
import type { ContractTable } from '../contract/contract-model.js';
import type { CompiledTable } from '../transform/compiled-table.js';
import type { RowProblem } from '../transform/reject-reasons.js';
import { type CopyRows, selectCopyRows } from './copy-rows.js';
import type { KeySet } from './key-set.js';
import { emptyLedger, type LoadChunk, type OnDuplicate, type RowUpdate } from './load-target.js';
import { AMBIGUOUS, type NaturalKeyIndex } from './natural-key-index.js';
import { targetKeyColumn } from './target-ddl.js';

/** A source record as a connector yields it. */
export interface SourceRecord {
  line: number;
  fields: string[];
  /** Set on each line of a record an unbalanced quote made of several lines: rejected, never loaded. */
  malformed?: CsvMalformed;
}

/** A source record after the compiled contract: its target values, or why it does not load. */
export type MappedRecord =
  | { status: 'ragged'; key: string; line: number; fields: number }
  | { status: 'blank'; line: number }
  | { status: 'out_of_scope'; line: number }
  | { status: 'rejected'; key: string; line: number; problems: RowProblem[] }
  | {
      status: 'mapped';
      key: string;
      line: number;
      /**
       * The target values. When `copyRow` is given and the load does not update rows, only the columns the checks read
       * (target key, parent fields, natural key) need be there: the row itself is its COPY line.
       */
      values: string[];
      /** Index of the row's line in the chunk's COPY rows (`ChunkMapper`), when the target takes COPY rows. */
      copyRow?: number;
    };

/**
 * The keys a chunk's decisions are checked against. `own` holds the target keys this job has already loaded into the
 * table, `parents` the keys loaded into each parent table, `naturalKeys` the natural keys already in the table with
 * the row holding each; a builder adds to `own` and `naturalKeys` as it accepts rows, so later rows see earlier ones.
 */
export interface ChunkKeys {
  own: KeySet;
  parents: ReadonlyMap<string, KeySet>;
  naturalKeys: NaturalKeyIndex;
}

/** Where a chunk holds a natural key it loaded: an update it carries, or a new row at an index. */
type ChunkSlot = { update: RowUpdate } | { row: number };

/**
 * Decides, row by row, what a chunk of one contract table does with its source records: load (with lineage), reject
 * (with every reason) or leave out of scope; checks ragged rows, parents (ORPHAN), this job's target keys
 * (DUPLICATE_KEY) and the natural-key policy. Both the in-process load and the queued chunk task build their chunks
 * here, so they decide alike; they differ only in where the keys they check against come from.
 *
 * @example
 * const builder = new ChunkBuilder(ct, compiled, header, targetTable, 'reject');
 * const chunk = builder.newChunk(0);
 * for (const r of records) builder.add(chunk, builder.map(r), keys);
 */
export class ChunkBuilder {
  private readonly keyIndex: number;
  private readonly parentFields: { field: string; index: number; table: string }[];
  /** Natural-key columns, when a policy applies to this table. */
  readonly naturalKey: readonly string[] | undefined;
  private readonly nkIndexes: number[];
  /** Per chunk, where it holds each natural key, so that a later row of the chunk replaces it in place. */
  private readonly slots = new WeakMap<LoadChunk, Map<string, ChunkSlot>>();
  /** Per chunk, the COPY rows of the rows it inserts. */
  private readonly copyRows = new WeakMap<LoadChunk, number[]>();
  /** Source key columns' positions in the header. */
  private readonly sourceKeyIndexes: number[];
  /** Target columns a database target makes NOT NULL (as `createTableSql`): a blank there is a reject, not a crash. */
  private readonly notNull: { index: number; name: string }[];

  /**
   * `jobId` is the job the chunks belong to: with `onDuplicate: 'update'`, a later row of the job with a natural key
   * the job already holds replaces its own row (the last one wins).
   */
  constructor(
    private readonly ct: ContractTable,
    private readonly compiled: CompiledTable,
    private readonly header: readonly string[],
    private readonly targetTable: CatalogTable,
    private readonly onDuplicate?: OnDuplicate,
    private readonly jobId = '',
  ) {
    if (onDuplicate === 'update' && !jobId) throw new Error('ChunkBuilder: onDuplicate update needs the job id');
    this.keyIndex = compiled.targetColumns.indexOf(targetKeyColumn(targetTable));
    this.parentFields = ct.parents.map((p) => ({
      field: p.field,
      index: compiled.targetColumns.indexOf(p.field),
      table: p.table,
    }));
    this.naturalKey = onDuplicate && ct.naturalKey?.length ? ct.naturalKey : undefined;
    this.nkIndexes = this.naturalKey?.map((c) => compiled.targetColumns.indexOf(c)) ?? [];
    this.sourceKeyIndexes = ct.sourceKey.map((k) => header.indexOf(k));
    const keyColumn = targetKeyColumn(targetTable);
    // The key column is checked on its own (MISSING_KEY); the others as `createTableSql` declares them.
    this.notNull = targetTable.columns
      .map((c, index) => ({ index, name: c.name, notNull: !c.nullable && !c.primaryKey }))
      .filter((c) => c.notNull && c.name !== keyColumn)
      .map(({ index, name }) => ({ index, name }));
  }

  newChunk(chunkNo: number): LoadChunk {
    return {
      table: this.targetTable,
      sourceTable: this.ct.source,
      chunkNo,
      rows: [],
      lineage: [],
      updates: [],
      rejects: [],
      ledger: emptyLedger(),
    };
  }

  /**
   * Maps one source record through the compiled contract (no key checks: those need the chunk's context). A line of
   * a malformed record is rejected (MALFORMED_RECORD); a blank or whitespace-only line is `blank` (nothing to load);
   * a row whose source or target key is blank is rejected (MISSING_KEY), and one with a blank value in a column the
   * target does not allow blank in is rejected (MISSING_MANDATORY), before any write.
   */
  map(record: SourceRecord): MappedRecord {
    if (record.malformed) {
      const problem = {
        reasonCode: 'MALFORMED_RECORD' as const,
        field: '',
        message: malformedRecordMessage(record.malformed),
      };
      return {
        status: 'rejected',
        key: this.compiled.sourceKey(record.fields),
        line: record.line,
        problems: [problem],
      };
    }
    if (record.fields.length !== this.header.length) {
      if (record.fields.length === 1 && record.fields[0]!.trim() === '') return { status: 'blank', line: record.line };
      return {
        status: 'ragged',
        key: this.compiled.sourceKey(record.fields),
        line: record.line,
        fields: record.fields.length,
      };
    }
    const mapped = this.compiled.map(record.fields);
    if (mapped.status === 'out_of_scope') return { status: 'out_of_scope', line: record.line };
    if (mapped.status === 'rejected') {
      return { status: 'rejected', key: mapped.key, line: record.line, problems: mapped.problems };
    }
    const problems = this.blankRequired(record.fields, mapped.values);
    if (problems.length) return { status: 'rejected', key: mapped.key, line: record.line, problems };
    return { status: 'mapped', key: mapped.key, line: record.line, values: mapped.values };
  }

  /** Blank keys and blank values in NOT NULL target columns of a mapped row. */
  private blankRequired(fields: readonly string[], values: readonly string[]): RowProblem[] {
    const problems: RowProblem[] = [];
    const blankSource = this.sourceKeyIndexes.filter((i) => (fields[i] ?? '').trim() === '');
    if (blankSource.length) {
      problems.push({
        reasonCode: 'MISSING_KEY',
        field: blankSource.map((i) => this.header[i]!).join('+'),
        message: 'the source key is blank: the row cannot be traced',
      });
    }
    if (values[this.keyIndex] === '') {
      problems.push({
        reasonCode: 'MISSING_KEY',
        field: this.targetTable.columns[this.keyIndex]!.name,
        message: 'the target key is blank',
      });
    }
    for (const c of this.notNull) {
      if (values[c.index] === '') {
        problems.push({
          reasonCode: 'MISSING_MANDATORY',
          field: c.name,
          message: 'blank, and the target column does not allow blanks',
        });
      }
    }
    return problems;
  }

  /** The target key of a mapped row. */
  targetKey(values: readonly string[]): string {
    return values[this.keyIndex]!;
  }

  /** The parent keys a mapped row refers to, by parent table (blank references are none). */
  parentRefs(values: readonly string[]): { table: string; key: string }[] {
    const refs: { table: string; key: string }[] = [];
    for (const p of this.parentFields) {
      const v = values[p.index]!;
      if (v !== '') refs.push({ table: p.table, key: v });
    }
    return refs;
  }

  /** The natural key of a mapped row (its columns joined with '|'), or undefined when a part is blank or no policy. */
  naturalKeyOf(values: readonly string[]): string | undefined {
    if (!this.naturalKey) return undefined;
    const parts = this.nkIndexes.map((i) => values[i]!);
    return parts.every((p) => p !== '') ? parts.join('|') : undefined;
  }

  /**
   * Adds one mapped record to the chunk: counted in its ledger, then inserted, updated (`onDuplicate: 'update'`),
   * rejected or out of scope. Chunks of a table must be built in order when updating: a row updates the row that
   * holds its natural key at that point of the job.
   */
  add(chunk: LoadChunk, record: MappedRecord, keys: ChunkKeys): void {
    const c = chunk;
    c.ledger.read++;
    switch (record.status) {
      case 'ragged':
        reject(c, record.key, record.line, [
          {
            reasonCode: 'RAGGED_ROW',
            field: '',
            message: `row has ${record.fields} fields, header has ${this.header.length}`,
          },
        ]);
        return;
      case 'blank':
        c.ledger.outOfScope++;
        c.ledger.blankLines++;
        return;
      case 'out_of_scope':
        c.ledger.outOfScope++;
        return;
      case 'rejected':
        reject(c, record.key, record.line, record.problems);
        return;
    }
    const { values } = record;
    const problems: RowProblem[] = [];
    for (const p of this.parentFields) {
      const v = values[p.index]!;
      if (v !== '' && !keys.parents.get(p.table)?.has(v)) {
        problems.push({ reasonCode: 'ORPHAN', field: p.field, message: `no loaded ${p.table} row with this key` });
      }
    }
    const targetKey = this.targetKey(values);
    const keyName = this.targetTable.columns[this.keyIndex]!.name;
    const nk = this.naturalKeyOf(values);
    const updating = this.onDuplicate === 'update';
    const present = nk !== undefined && keys.naturalKeys.has(nk);
    const holder = present && updating ? keys.naturalKeys.get(nk!) : undefined;
    // Under 'update' a later row of the job with the same natural key replaces the job's own row (the last one wins):
    // its target key is then expected to be taken already.
    const replacesOwn =
      holder !== undefined && holder !== AMBIGUOUS && holder.jobId === this.jobId && holder.targetKey === targetKey;
    if (!replacesOwn && keys.own.has(targetKey)) {
      problems.push({
        reasonCode: 'DUPLICATE_KEY',
        field: keyName,
        message: 'another row of this job has the same target key',
      });
    }
    if (problems.length) {
      reject(c, record.key, record.line, problems);
      return;
    }
    const lineage = { sourceTable: this.ct.source, sourceKey: record.key };
    let slots = updating && nk !== undefined ? this.slots.get(c) : undefined;
    if (updating && nk !== undefined && !slots) {
      slots = new Map();
      this.slots.set(c, slots);
    }
    if (present) {
      if (this.onDuplicate === 'skip') {
        c.ledger.outOfScope++;
        c.ledger.duplicatesSkipped++;
        return;
      }
      const conflict =
        this.onDuplicate === 'reject' || holder === undefined
          ? 'a row with the same natural key is already loaded'
          : holder === AMBIGUOUS
            ? 'more than one loaded row has this natural key: which one to update is ambiguous'
            : holder.targetKey !== targetKey
              ? `the loaded row with this natural key has another ${keyName}: an update cannot change it`
              : undefined;
      if (conflict !== undefined || holder === undefined || holder === AMBIGUOUS) {
        reject(c, record.key, record.line, [
          { reasonCode: 'DUPLICATE_NATURAL_KEY', field: this.naturalKey!.join('+'), message: conflict ?? '' },
        ]);
        return;
      }
      // Update the row that holds the key: in place when this chunk loaded it, else as an update of the holder's row
      // (an earlier job's, or this job's from an earlier chunk).
      const here = slots!.get(nk!);
      if (here && 'update' in here) {
        here.update.values = values;
        here.update.lineage = lineage;
      } else if (here) {
        c.rows[here.row] = values;
        c.lineage[here.row] = lineage;
      } else {
        const update: RowUpdate = { ownerJobId: holder.jobId, values, lineage };
        c.updates ??= [];
        c.updates.push(update);
        slots!.set(nk!, { update });
      }
      c.ledger.loaded++;
      c.ledger.updated++;
      if (holder.jobId === this.jobId) c.ledger.updatedWithinJob++;
      keys.own.add(targetKey);
      keys.naturalKeys.hold(nk!, { jobId: this.jobId, targetKey });
      return;
    }
    if (nk !== undefined) {
      keys.naturalKeys.hold(nk, { jobId: this.jobId, targetKey });
      slots?.set(nk, { row: c.rows.length });
    }
    keys.own.add(targetKey);
    c.ledger.loaded++;
    c.ledger.inserted++;
    if (record.copyRow === undefined) {
      c.rows.push(values);
      c.lineage.push(lineage);
      return;
    }
    // Updates replace rows in place by index: with COPY rows there is no such index.
    if (this.onDuplicate === 'update') throw new Error('ChunkBuilder: COPY rows cannot be updated in place');
    let kept = this.copyRows.get(c);
    if (!kept) {
      kept = [];
      this.copyRows.set(c, kept);
    }
    kept.push(record.copyRow);
  }

  /** Completes a chunk whose rows came with COPY lines: its inserted rows are those lines (`LoadChunk.copy`). */
  finishChunk(chunk: LoadChunk, copy: CopyRows | undefined): LoadChunk {
    if (copy) {
      const kept = this.copyRows.get(chunk) ?? [];
      chunk.copy = { data: selectCopyRows(copy, kept), rows: kept.length };
    }
    return chunk;
  }
}

function reject(c: LoadChunk, key: string, line: number, problems: RowProblem[]): void {
  c.ledger.rejected++;
  for (const p of new Set(problems.map((x) => x.reasonCode))) {
    c.ledger.rejectsByReason[p] = (c.ledger.rejectsByReason[p] ?? 0) + 1;
  }
  c.rejects.push({ sourceKey: key, line, problems });
}
