import type { CatalogTable } from '../catalog/catalog-model.js';
import type { RowProblem } from '../transform/reject-reasons.js';

/** Where one loaded row came from: its job, source table and source key. */
export interface RowLineage {
  sourceTable: string;
  sourceKey: string;
}

/** What a chunk did to its source rows: the conservation ledger of one chunk. */
export interface ChunkLedger {
  read: number;
  /** `inserted` + `updated`. */
  loaded: number;
  /** Rows loaded as new target rows. */
  inserted: number;
  /**
   * Rows whose natural key was already present (`onDuplicate: 'update'`): they replaced the existing row's values.
   * Includes `updatedWithinJob`.
   */
  updated: number;
  /** Updates of a row this job itself loaded earlier (a duplicate within the job's source: the last one wins). */
  updatedWithinJob: number;
  rejected: number;
  /** Includes `duplicatesSkipped`. */
  outOfScope: number;
  /** Rows not loaded because their natural key was already present (`onDuplicate: 'skip'`). */
  duplicatesSkipped: number;
  /** Blank or whitespace-only lines of the source (counted within `outOfScope`: there is nothing to load). */
  blankLines: number;
  rejectsByReason: Record<string, number>;
}

/**
 * A row that replaces an existing target row (`onDuplicate: 'update'`). The existing row is the one with this target
 * key loaded by `ownerJobId` (an earlier job, or this one); the target keeps a before-image of it when the owner is
 * another job, so that a rollback restores it exactly.
 */
export interface RowUpdate {
  ownerJobId: string;
  /** The new values, in the target table's column order (the target key equals the existing row's). */
  values: string[];
  lineage: RowLineage;
}

/** A source row that did not load, with every problem found. */
export interface RejectRecord {
  sourceKey: string;
  line: number;
  problems: RowProblem[];
}

/** A reject as it is stored and reported: one line per problem. */
export interface RejectLine {
  sourceTable: string;
  sourceKey: string;
  reasonCode: string;
  field: string;
  message: string;
  targetTable: string;
  line: number;
}

/**
 * One chunk: a fixed range of source rows of one table (chunk k holds data rows k*B .. k*B+B-1 in file order).
 * Its loaded rows, lineage, rejects and ledger are written together with its checkpoint, atomically where the
 * target allows, so that a resumed job skips exactly the chunks that committed.
 */
export interface LoadChunk {
  table: CatalogTable;
  sourceTable: string;
  chunkNo: number;
  /** The inserted rows' values in target column order (empty when `copy` holds the rows). */
  rows: string[][];
  /** Each inserted row's lineage (empty when `copy` holds the rows). */
  lineage: RowLineage[];
  /**
   * The inserted rows already formatted as `COPY ... WITH (FORMAT csv)` lines, UTF-8: the target columns, then the
   * lineage columns (`lineageColumns`). Given instead of `rows` and `lineage` to a target that `takesCopyRows`.
   */
  copy?: { data: Uint8Array; rows: number };
  /** Existing rows this chunk replaces (`onDuplicate: 'update'`), committed with its new rows. */
  updates?: RowUpdate[];
  rejects: RejectRecord[];
  ledger: ChunkLedger;
}

export type BeginMode = 'fresh' | 'resume';

/** What identifies how a job loads: a resumed job must keep its contract and chunk size. */
export interface JobMeta {
  contractHash: string;
  releaseProfile: string;
  batchSize: number;
  /** The natural-key policy; a resumed job must keep it. */
  onDuplicate?: OnDuplicate;
  /** sha256 over the source files' names and sha256s; a resumed job must read the same source. */
  sourceFingerprint?: string;
}

/** What a load does with a row whose natural key is already in the target or earlier in the job. */
export type OnDuplicate = 'skip' | 'update' | 'reject';

/** Where a natural key is in a target: the row's owner job and target key. */
export interface NaturalKeyRow {
  naturalKey: string;
  jobId: string;
  targetKey: string;
}

/**
 * A place a job loads into: a PostgreSQL database (server or PGlite) or a folder of CSV LOAD files.
 * Implementations: `DatabaseLoadTarget` (resumable), `CsvLoadTarget` (not resumable: rerun instead).
 */
export interface LoadTarget {
  /** A description without credentials, e.g. `pglite:.ferry/target` or `csv:out/load`. */
  readonly description: string;
  readonly resumable: boolean;
  /** Whether `writeChunk` takes a chunk's inserted rows pre-formatted (`LoadChunk.copy`), as a database target does. */
  readonly takesCopyRows?: boolean;
  /** Whether rows already written can be updated in place, exactly and reversibly (`onDuplicate: 'update'`). */
  readonly updatable: boolean;
  /**
   * Prepares the target for a job. `fresh` first removes whatever an earlier attempt of the same job left
   * (so a rerun is idempotent); `resume` keeps the committed chunks of an unfinished job with the same contract.
   */
  begin(jobId: string, tables: CatalogTable[], meta: JobMeta, mode?: BeginMode): Promise<void>;
  /** The chunks of a table that committed, with their ledgers (resume). */
  committedChunks(jobId: string, table: string): Promise<Map<number, ChunkLedger>>;
  /**
   * The target keys this job has loaded into a table (resume: parents for orphan checks, and duplicates), a page at a
   * time, so that a resumed load of millions of rows does not hold them all at once.
   */
  loadedKeys(jobId: string, table: CatalogTable): AsyncIterable<string[]>;
  /**
   * Optional: which of the given target keys this job has loaded into a table (committed writes). A target that can
   * answer lets a load keep its keys in bounded memory (`KeySet`'s budget): past it, keys are looked up here.
   */
  jobKeysAmong?(jobId: string, table: CatalogTable, keys: readonly string[]): Promise<string[]>;
  /**
   * The natural keys (the given columns' values joined with '|') already in a table, from other jobs and, when
   * resuming, from this one, each with the row that holds it (its owner job and target key). Rows with a blank
   * natural-key column have none.
   */
  naturalKeyRows(table: CatalogTable, columns: readonly string[]): Promise<NaturalKeyRow[]>;
  writeChunk(jobId: string, chunk: LoadChunk): Promise<void>;
  /**
   * Called once a table's rows are all written: a database target refreshes the table's planner statistics
   * (ANALYZE), so the checks and reconciliation that read it next are planned on its real size, not an empty table's.
   */
  tableLoaded?(table: CatalogTable): Promise<void>;
  /** The job's rejects, in load order (table, chunk, row). */
  rejects(jobId: string): AsyncIterable<RejectLine>;
  finish(jobId: string, outcome: 'completed' | 'failed'): Promise<void>;
  close(): Promise<void>;
}

/** Names of the lineage columns every target row carries in a database target. */
export const lineageColumns = ['ferry_job_id', 'ferry_source_table', 'ferry_source_key'] as const;

/** Adds a chunk's ledger to a running total. */
export function addLedger(total: ChunkLedger, chunk: ChunkLedger): void {
  total.read += chunk.read;
  total.loaded += chunk.loaded;
  // A ledger committed before updates existed counts every loaded row as inserted.
  total.inserted += chunk.inserted ?? chunk.loaded;
  total.updated += chunk.updated ?? 0;
  total.updatedWithinJob += chunk.updatedWithinJob ?? 0;
  total.rejected += chunk.rejected;
  total.outOfScope += chunk.outOfScope;
  total.duplicatesSkipped += chunk.duplicatesSkipped ?? 0;
  total.blankLines += chunk.blankLines ?? 0;
  for (const [reason, n] of Object.entries(chunk.rejectsByReason)) {
    total.rejectsByReason[reason] = (total.rejectsByReason[reason] ?? 0) + n;
  }
}

export function emptyLedger(): ChunkLedger {
  return {
    read: 0,
    loaded: 0,
    inserted: 0,
    updated: 0,
    updatedWithinJob: 0,
    rejected: 0,
    outOfScope: 0,
    duplicatesSkipped: 0,
    blankLines: 0,
    rejectsByReason: {},
  };
}

/** One line per problem of each reject. */
export function rejectLines(chunk: LoadChunk): RejectLine[] {
  const out: RejectLine[] = [];
  for (const r of chunk.rejects) {
    for (const p of r.problems) {
      out.push({
        sourceTable: chunk.sourceTable,
        sourceKey: r.sourceKey,
        reasonCode: p.reasonCode,
        field: p.field,
        message: p.message,
        targetTable: chunk.table.name,
        line: r.line,
      });
    }
  }
  return out;
}
