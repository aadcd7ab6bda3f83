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
  loaded: number;
  rejected: number;
  /** Includes `duplicatesSkipped`. */
  outOfScope: number;
  /** Rows not loaded because their natural key was already present (`onDuplicate: 'skip'`). */
  duplicatesSkipped: number;
  rejectsByReason: Record<string, number>;
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
  rows: string[][];
  lineage: RowLineage[];
  rejects: RejectRecord[];
  ledger: ChunkLedger;
}

export type BeginMode = 'fresh' | 'resume';

/** What identifies how a job loads: a resumed job must keep its contract and chunk size. */
export interface JobMeta {
  contractHash: string;
  releaseProfile: string;
  batchSize: number;
}

/**
 * A place a job loads into: a PostgreSQL database (server or PGlite) or a folder of CSV LOAD files.
 * Implementations: `DatabaseLoadTarget` (resumable), `CsvLoadTarget` (not resumable: rerun instead).
 */
export interface LoadTarget {
  /** A description without credentials, e.g. `pglite:.ferry/target` or `csv:out/load`. */
  readonly description: string;
  readonly resumable: boolean;
  /**
   * Prepares the target for a job. `fresh` first removes whatever an earlier attempt of the same job left
   * (so a rerun is idempotent); `resume` keeps the committed chunks of an unfinished job with the same contract.
   */
  begin(jobId: string, tables: CatalogTable[], meta: JobMeta, mode?: BeginMode): Promise<void>;
  /** The chunks of a table that committed, with their ledgers (resume). */
  committedChunks(jobId: string, table: string): Promise<Map<number, ChunkLedger>>;
  /** The target keys this job has loaded into a table (resume: parents for orphan checks, and duplicates). */
  loadedKeys(jobId: string, table: CatalogTable): Promise<Set<string>>;
  /**
   * Natural keys (the given columns' values joined with '|') already in a table, from other jobs and, when resuming,
   * from this one. Rows with a blank natural-key column have none.
   */
  naturalKeys(jobId: string, table: CatalogTable, columns: readonly string[]): Promise<Set<string>>;
  writeChunk(jobId: string, chunk: LoadChunk): Promise<void>;
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
  total.rejected += chunk.rejected;
  total.outOfScope += chunk.outOfScope;
  total.duplicatesSkipped += chunk.duplicatesSkipped ?? 0;
  for (const [reason, n] of Object.entries(chunk.rejectsByReason)) {
    total.rejectsByReason[reason] = (total.rejectsByReason[reason] ?? 0) + n;
  }
}

export function emptyLedger(): ChunkLedger {
  return { read: 0, loaded: 0, rejected: 0, outOfScope: 0, duplicatesSkipped: 0, rejectsByReason: {} };
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
