import type { CatalogTable } from '../catalog/catalog-model.js';
import { formatCsvField, formatCsvFields, formatCsvRow } from '../connectors/csv/csv-writer.js';
import { FerryError } from '../errors.js';
import { quoteIdent, type SqlDatabase } from '../store/sql-database.js';
import {
  type BeginMode,
  type ChunkLedger,
  type JobMeta,
  type LoadChunk,
  type LoadTarget,
  lineageColumns,
  type RejectLine,
  rejectLines,
} from './load-target.js';
import { createTableSql, jobTablesSql, targetKeyColumn } from './target-ddl.js';

const rejectColumns = [
  'job_id',
  'target_table',
  'chunk_no',
  'seq',
  'source_table',
  'source_key',
  'source_line',
  'reason_code',
  'field',
  'message',
];

/**
 * Loads into PostgreSQL (server or PGlite) with COPY. Each chunk's rows, lineage, rejects and checkpoint (with its
 * ledger) commit in one transaction, so a job killed at any moment resumes without a missing or duplicate row.
 * Starting a job afresh first removes, in one transaction, whatever an earlier attempt of the same job loaded.
 */
export class DatabaseLoadTarget implements LoadTarget {
  readonly resumable = true;

  constructor(readonly db: SqlDatabase) {}

  get description(): string {
    return this.db.displayUrl;
  }

  async begin(jobId: string, tables: CatalogTable[], meta: JobMeta, mode: BeginMode = 'fresh'): Promise<void> {
    await this.db.exec(jobTablesSql);
    for (const t of tables) await this.db.exec(createTableSql(t));
    const [job] =
      mode === 'resume'
        ? await this.db.query<{ contract_hash: string; status: string; batch_size: number }>(
            'SELECT contract_hash, status, batch_size FROM ferry_jobs WHERE job_id = $1',
            [jobId],
          )
        : [];
    // A job killed before its first transaction committed left nothing: resuming it is starting it.
    if (job) {
      if (job.contract_hash !== meta.contractHash) {
        throw new FerryError(
          'FERRY_ERR_USAGE',
          `Job ${jobId} was started with another contract; it cannot be resumed with this one`,
        );
      }
      if (job.status === 'rolled_back')
        throw new FerryError('FERRY_ERR_USAGE', `Job ${jobId} was rolled back; start it afresh`);
      if (Number(job.batch_size) !== meta.batchSize) {
        throw new FerryError(
          'FERRY_ERR_USAGE',
          `Job ${jobId} was started with --batch-size ${job.batch_size}; resume it with the same`,
        );
      }
      await this.db.query(`UPDATE ferry_jobs SET status = 'running', finished_at = NULL WHERE job_id = $1`, [jobId]);
      return;
    }
    await this.db.transaction(async (tx) => {
      for (const t of [...tables].reverse()) {
        await tx.query(`DELETE FROM ${quoteIdent(t.name)} WHERE ferry_job_id = $1`, [jobId]);
      }
      await tx.query('DELETE FROM ferry_rejects WHERE job_id = $1', [jobId]);
      await tx.query('DELETE FROM ferry_job_chunks WHERE job_id = $1', [jobId]);
      await tx.query('DELETE FROM ferry_jobs WHERE job_id = $1', [jobId]);
      await tx.query(
        `INSERT INTO ferry_jobs (job_id, contract_hash, release_profile, batch_size, status, tables) VALUES ($1, $2, $3, $4, 'running', $5)`,
        [jobId, meta.contractHash, meta.releaseProfile, meta.batchSize, JSON.stringify(tables.map((t) => t.name))],
      );
    });
  }

  async committedChunks(jobId: string, table: string): Promise<Map<number, ChunkLedger>> {
    const rows = await this.db.query<{ chunk_no: number; ledger: string }>(
      'SELECT chunk_no, ledger::text AS ledger FROM ferry_job_chunks WHERE job_id = $1 AND target_table = $2',
      [jobId, table],
    );
    return new Map(rows.map((r) => [Number(r.chunk_no), JSON.parse(r.ledger) as ChunkLedger]));
  }

  async loadedKeys(jobId: string, table: CatalogTable): Promise<Set<string>> {
    const key = quoteIdent(targetKeyColumn(table));
    const rows = await this.db.query<{ k: string }>(
      `SELECT ${key}::text AS k FROM ${quoteIdent(table.name)} WHERE ferry_job_id = $1`,
      [jobId],
    );
    return new Set(rows.map((r) => r.k));
  }

  async naturalKeys(_jobId: string, table: CatalogTable, columns: readonly string[]): Promise<Set<string>> {
    const parts = columns.map((c) => `${quoteIdent(c)}::text`);
    const rows = await this.db.query<{ k: string }>(
      `SELECT concat_ws('|', ${parts.join(', ')}) AS k FROM ${quoteIdent(table.name)} WHERE ${columns.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ')}`,
    );
    return new Set(rows.map((r) => r.k));
  }

  async writeChunk(jobId: string, chunk: LoadChunk): Promise<void> {
    const columns = [...chunk.table.columns.map((c) => c.name), ...lineageColumns];
    // COPY CSV reads an unquoted empty field as NULL: Ferry's blank is NULL in a database, and formatCsvRow
    // writes blanks unquoted.
    const job = formatCsvField(jobId);
    let csv = '';
    for (let i = 0; i < chunk.rows.length; i++) {
      const lin = chunk.lineage[i]!;
      csv += `${formatCsvFields(chunk.rows[i]!)},${job},${formatCsvField(lin.sourceTable)},${formatCsvField(lin.sourceKey)}\n`;
    }
    let rejects = '';
    for (const [seq, r] of rejectLines(chunk).entries()) {
      rejects += formatCsvRow([
        jobId,
        r.targetTable,
        String(chunk.chunkNo),
        String(seq),
        r.sourceTable,
        r.sourceKey,
        String(r.line),
        r.reasonCode,
        r.field,
        r.message,
      ]);
    }
    await this.db.transaction(async (tx) => {
      await tx.copyFromCsv(chunk.table.name, columns, csv);
      await tx.copyFromCsv('ferry_rejects', rejectColumns, rejects);
      await tx.query(
        'INSERT INTO ferry_job_chunks (job_id, target_table, chunk_no, row_count, ledger) VALUES ($1, $2, $3, $4, $5)',
        [jobId, chunk.table.name, chunk.chunkNo, chunk.rows.length, JSON.stringify(chunk.ledger)],
      );
    });
  }

  async *rejects(jobId: string): AsyncIterable<RejectLine> {
    const [job] = await this.db.query<{ tables: string }>(
      'SELECT tables::text AS tables FROM ferry_jobs WHERE job_id = $1',
      [jobId],
    );
    const order: string[] = job ? JSON.parse(job.tables) : [];
    for (const table of order) {
      const rows = await this.db.query<{
        source_table: string;
        source_key: string;
        reason_code: string;
        field: string;
        message: string;
        source_line: number;
      }>(
        `SELECT source_table, source_key, reason_code, field, message, source_line FROM ferry_rejects
          WHERE job_id = $1 AND target_table = $2 ORDER BY chunk_no, seq`,
        [jobId, table],
      );
      for (const r of rows) {
        yield {
          sourceTable: r.source_table,
          sourceKey: r.source_key,
          reasonCode: r.reason_code,
          field: r.field ?? '',
          message: r.message,
          targetTable: table,
          line: Number(r.source_line),
        };
      }
    }
  }

  async finish(jobId: string, outcome: 'completed' | 'failed'): Promise<void> {
    await this.db.query('UPDATE ferry_jobs SET status = $2, finished_at = now() WHERE job_id = $1', [jobId, outcome]);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
