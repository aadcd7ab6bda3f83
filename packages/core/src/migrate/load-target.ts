import type { CatalogTable } from '../catalog/catalog-model.js';

/** Where one loaded row came from: its job, source table and source key. */
export interface RowLineage {
  sourceTable: string;
  sourceKey: string;
}

/** One chunk of rows for one target table: written with its checkpoint, atomically where the target allows. */
export interface LoadChunk {
  table: CatalogTable;
  chunkNo: number;
  rows: string[][];
  lineage: RowLineage[];
}

/**
 * A place a job loads into: a PostgreSQL database (server or PGlite) or a folder of CSV LOAD files.
 * Implementations: `DatabaseLoadTarget`, `CsvLoadTarget`.
 */
export interface LoadTarget {
  /** A description without credentials, e.g. `pglite:.ferry/target` or `csv:out/load`. */
  readonly description: string;
  /** Prepares the target for a job; rows that an earlier attempt of the same job left are removed (idempotent rerun). */
  begin(jobId: string, tables: CatalogTable[], meta: { contractHash: string; releaseProfile: string }): Promise<void>;
  writeChunk(jobId: string, chunk: LoadChunk): Promise<void>;
  finish(jobId: string, outcome: 'completed' | 'failed'): Promise<void>;
  close(): Promise<void>;
}

/** Names of the lineage columns every target row carries in a database target. */
export const lineageColumns = ['ferry_job_id', 'ferry_source_table', 'ferry_source_key'] as const;
