import type { CatalogTable } from '../catalog/catalog-model.js';
import { formatCsvRow } from '../connectors/csv/csv-writer.js';
import { quoteIdent, type SqlDatabase } from '../store/sql-database.js';
import { type LoadChunk, type LoadTarget, lineageColumns } from './load-target.js';
import { createTableSql, jobTablesSql } from './target-ddl.js';

/**
 * Loads into PostgreSQL (server or PGlite) with COPY. Each chunk's rows, lineage and checkpoint commit in one
 * transaction. Starting a job first removes, in one transaction, whatever an earlier attempt of the same job loaded,
 * so a rerun is idempotent.
 */
export class DatabaseLoadTarget implements LoadTarget {
  private tables: CatalogTable[] = [];

  constructor(readonly db: SqlDatabase) {}

  get description(): string {
    return this.db.displayUrl;
  }

  async begin(jobId: string, tables: CatalogTable[], meta: { contractHash: string; releaseProfile: string }): Promise<void> {
    this.tables = tables;
    await this.db.exec(jobTablesSql);
    for (const t of tables) await this.db.exec(createTableSql(t));
    await this.db.transaction(async (tx) => {
      for (const t of [...tables].reverse()) {
        await tx.query(`DELETE FROM ${quoteIdent(t.name)} WHERE ferry_job_id = $1`, [jobId]);
      }
      await tx.query('DELETE FROM ferry_job_chunks WHERE job_id = $1', [jobId]);
      await tx.query('DELETE FROM ferry_jobs WHERE job_id = $1', [jobId]);
      await tx.query(`INSERT INTO ferry_jobs (job_id, contract_hash, release_profile, status) VALUES ($1, $2, $3, 'running')`, [
        jobId,
        meta.contractHash,
        meta.releaseProfile,
      ]);
    });
  }

  async writeChunk(jobId: string, chunk: LoadChunk): Promise<void> {
    const columns = [...chunk.table.columns.map((c) => c.name), ...lineageColumns];
    // COPY CSV reads an unquoted empty field as NULL: Ferry's blank is NULL in a database, and formatCsvRow
    // writes blanks unquoted.
    let csv = '';
    for (let i = 0; i < chunk.rows.length; i++) {
      const lin = chunk.lineage[i]!;
      csv += formatCsvRow([...chunk.rows[i]!, jobId, lin.sourceTable, lin.sourceKey]);
    }
    await this.db.transaction(async (tx) => {
      await tx.copyFromCsv(chunk.table.name, columns, csv);
      await tx.query('INSERT INTO ferry_job_chunks (job_id, target_table, chunk_no, row_count) VALUES ($1, $2, $3, $4)', [
        jobId,
        chunk.table.name,
        chunk.chunkNo,
        chunk.rows.length,
      ]);
    });
  }

  async finish(jobId: string, outcome: 'completed' | 'failed'): Promise<void> {
    await this.db.query('UPDATE ferry_jobs SET status = $2, finished_at = now() WHERE job_id = $1', [jobId, outcome]);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** The tables this target was prepared with, in load order. */
  get loadTables(): readonly CatalogTable[] {
    return this.tables;
  }
}
