import type { CatalogTable } from '../catalog/catalog-model.js';
import { formatCsvField, formatCsvFields, formatExactCsvRow } from '../connectors/csv/csv-writer.js';
import { FerryError } from '../errors.js';
import { type AdvisoryLockAttempt, quoteIdent, type SqlDatabase, type SqlExecutor } from '../store/sql-database.js';
import {
  type BeginMode,
  type ChunkLedger,
  type JobMeta,
  type LoadChunk,
  type LoadTarget,
  lineageColumns,
  type NaturalKeyRow,
  type RejectLine,
  type RowUpdate,
  rejectLines,
} from './load-target.js';
import { jobKeysAmong } from './queued/existing-keys.js';
import { comparisonType, createTableSql, jobTablesSql, targetKeyColumn } from './target-ddl.js';
import { undoJobRows } from './undo-job-rows.js';

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
 * Loads into PostgreSQL (server or PGlite) with COPY. Each chunk's rows, lineage, updates with their before-images,
 * rejects and checkpoint (with its ledger) commit in one transaction, so a job killed at any moment resumes without a
 * missing or duplicate row. Starting a job afresh first undoes, in one transaction, whatever an earlier attempt of the
 * same job did (its rows removed, the rows it updated restored). On a database server, the job's advisory lock is held
 * from `begin` to `close`: a second writer of the same job (another process, or a connection of this one) is refused
 * at once, naming who holds it (an embedded database has its file lock instead).
 */
export class DatabaseLoadTarget implements LoadTarget {
  readonly resumable = true;
  readonly takesCopyRows = true;
  readonly updatable = true;

  private readonly jobLocks = new Map<string, Extract<AdvisoryLockAttempt, { held: true }>>();

  /** `pageSize`: rows read at once when a job's rejects or loaded keys are listed. */
  constructor(
    readonly db: SqlDatabase,
    private readonly options: { pageSize?: number } = {},
  ) {}

  private get pageSize(): number {
    return this.options.pageSize ?? 20_000;
  }

  get description(): string {
    return this.db.displayUrl;
  }

  async begin(jobId: string, tables: CatalogTable[], meta: JobMeta, mode: BeginMode = 'fresh'): Promise<void> {
    await this.lockJob(jobId);
    try {
      await this.beginLocked(jobId, tables, meta, mode);
    } catch (e) {
      // A refused start writes nothing: the job is free for the next attempt.
      await this.releaseJobLock(jobId);
      throw e;
    }
  }

  private async beginLocked(jobId: string, tables: CatalogTable[], meta: JobMeta, mode: BeginMode): Promise<void> {
    await this.db.exec(jobTablesSql);
    for (const t of tables) await this.db.exec(createTableSql(t));
    const [job] =
      mode === 'resume'
        ? await this.db.query<{
            contract_hash: string;
            status: string;
            batch_size: number;
            on_duplicate: string | null;
            source_fingerprint: string | null;
          }>(
            'SELECT contract_hash, status, batch_size, on_duplicate, source_fingerprint FROM ferry_jobs WHERE job_id = $1',
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
      if (job.source_fingerprint && meta.sourceFingerprint && job.source_fingerprint !== meta.sourceFingerprint) {
        throw new FerryError(
          'FERRY_ERR_USAGE',
          `Job ${jobId} was started on other source files (their fingerprint differs); it cannot be resumed with these`,
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
      if ((job.on_duplicate ?? undefined) !== meta.onDuplicate) {
        const was = job.on_duplicate ? `--on-duplicate ${job.on_duplicate}` : 'no --on-duplicate policy';
        throw new FerryError('FERRY_ERR_USAGE', `Job ${jobId} was started with ${was}; resume it with the same`);
      }
      await this.db.query(`UPDATE ferry_jobs SET status = 'running', finished_at = NULL WHERE job_id = $1`, [jobId]);
      return;
    }
    const started = this.db.transaction(async (tx) => {
      const [earlier] = await tx.query<{ tables: string }>(
        'SELECT tables::text AS tables FROM ferry_jobs WHERE job_id = $1 FOR UPDATE',
        [jobId],
      );
      // The earlier attempt's tables (it may have loaded others), then this one's, children first.
      const names = [
        ...new Set([...(earlier ? (JSON.parse(earlier.tables) as string[]) : []), ...tables.map((t) => t.name)]),
      ];
      await undoJobRows(tx, jobId, names.reverse());
      await tx.query('DELETE FROM ferry_rejects WHERE job_id = $1', [jobId]);
      await tx.query('DELETE FROM ferry_job_chunks WHERE job_id = $1', [jobId]);
      await tx.query('DELETE FROM ferry_jobs WHERE job_id = $1', [jobId]);
      await tx.query(
        `INSERT INTO ferry_jobs (job_id, contract_hash, release_profile, batch_size, status, tables, on_duplicate,
                                 source_fingerprint)
         VALUES ($1, $2, $3, $4, 'running', $5, $6, $7)`,
        [
          jobId,
          meta.contractHash,
          meta.releaseProfile,
          meta.batchSize,
          JSON.stringify(tables.map((t) => t.name)),
          meta.onDuplicate ?? null,
          meta.sourceFingerprint ?? null,
        ],
      );
    });
    await started.catch((e: unknown) => {
      // Two processes starting the same job at once: the second finds the first's job row when it inserts its own.
      if ((e as { code?: unknown }).code === '23505' && (e as { table?: unknown }).table === 'ferry_jobs') {
        throw new FerryError(
          'FERRY_ERR_CONFLICT',
          `Job ${jobId} is being started by another process at the same time in ${this.db.displayUrl}; let it finish, then rerun (or --resume ${jobId})`,
          {},
          { cause: e },
        );
      }
      throw e;
    });
  }

  async committedChunks(jobId: string, table: string): Promise<Map<number, ChunkLedger>> {
    const rows = await this.db.query<{ chunk_no: number; ledger: string }>(
      'SELECT chunk_no, ledger::text AS ledger FROM ferry_job_chunks WHERE job_id = $1 AND target_table = $2',
      [jobId, table],
    );
    return new Map(rows.map((r) => [Number(r.chunk_no), JSON.parse(r.ledger) as ChunkLedger]));
  }

  async *loadedKeys(jobId: string, table: CatalogTable): AsyncIterable<string[]> {
    const name = targetKeyColumn(table);
    const key = quoteIdent(name);
    const type = comparisonType(table.columns.find((c) => c.name === name)!);
    // In pages along the primary key (ferry_job_id, key).
    let after: string | undefined;
    for (;;) {
      const rows = await this.db.query<{ k: string }>(
        `SELECT ${key}::text AS k FROM ${quoteIdent(table.name)}
          WHERE ferry_job_id = $1 ${after === undefined ? '' : `AND ${key} > $3::${type}`} ORDER BY ${key} LIMIT $2`,
        after === undefined ? [jobId, this.pageSize] : [jobId, this.pageSize, after],
      );
      if (rows.length) yield rows.map((r) => r.k);
      if (rows.length < this.pageSize) return;
      after = rows.at(-1)!.k;
    }
  }

  jobKeysAmong(jobId: string, table: CatalogTable, keys: readonly string[]): Promise<string[]> {
    return jobKeysAmong(this.db, jobId, table, keys);
  }

  async naturalKeyRows(table: CatalogTable, columns: readonly string[]): Promise<NaturalKeyRow[]> {
    const parts = columns.map((c) => `${quoteIdent(c)}::text`);
    const rows = await this.db.query<{ k: string; j: string; t: string }>(
      `SELECT concat_ws('|', ${parts.join(', ')}) AS k, ferry_job_id AS j, ${quoteIdent(targetKeyColumn(table))}::text AS t
         FROM ${quoteIdent(table.name)} WHERE ${columns.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ')}`,
    );
    return rows.map((r) => ({ naturalKey: r.k, jobId: r.j, targetKey: r.t }));
  }

  async writeChunk(jobId: string, chunk: LoadChunk): Promise<void> {
    await this.db.transaction((tx) => writeChunkRows(tx, jobId, chunk));
  }

  async *rejects(jobId: string): AsyncIterable<RejectLine> {
    const [job] = await this.db.query<{ tables: string }>(
      'SELECT tables::text AS tables FROM ferry_jobs WHERE job_id = $1',
      [jobId],
    );
    const order: string[] = job ? JSON.parse(job.tables) : [];
    for (const table of order) {
      // Read in pages along the primary key, so a file with millions of rejects is not held in memory at once.
      let after = { chunk: -1, seq: -1 };
      for (;;) {
        const rows = await this.db.query<{
          chunk_no: number;
          seq: number;
          source_table: string;
          source_key: string;
          reason_code: string;
          field: string;
          message: string;
          source_line: number;
        }>(
          `SELECT chunk_no, seq, source_table, source_key, reason_code, field, message, source_line FROM ferry_rejects
            WHERE job_id = $1 AND target_table = $2 AND (chunk_no, seq) > ($3, $4) ORDER BY chunk_no, seq LIMIT $5`,
          [jobId, table, after.chunk, after.seq, this.pageSize],
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
        const last = rows.at(-1);
        if (!last || rows.length < this.pageSize) break;
        after = { chunk: Number(last.chunk_no), seq: Number(last.seq) };
      }
    }
  }

  async tableLoaded(table: CatalogTable): Promise<void> {
    await this.db.exec(`ANALYZE ${quoteIdent(table.name)}`);
  }

  async finish(jobId: string, outcome: 'completed' | 'failed'): Promise<void> {
    try {
      await this.db.query('UPDATE ferry_jobs SET status = $2, finished_at = now() WHERE job_id = $1', [jobId, outcome]);
    } finally {
      // The job's writing is over (its rows, rejects and checkpoints are committed): another writer may resume it.
      await this.releaseJobLock(jobId);
    }
  }

  async close(): Promise<void> {
    await this.releaseJobLocks();
    await this.db.close();
  }

  /** Frees the jobs' advisory locks without closing the database (a caller that shares it). */
  async releaseJobLocks(): Promise<void> {
    for (const lock of this.jobLocks.values()) await lock.release();
    this.jobLocks.clear();
  }

  private async releaseJobLock(jobId: string): Promise<void> {
    const lock = this.jobLocks.get(jobId);
    this.jobLocks.delete(jobId);
    await lock?.release();
  }

  /** Takes the job's advisory lock on a database server (kept until the job finishes or `close`), or refuses: another writer has it. */
  private async lockJob(jobId: string): Promise<void> {
    if (!this.db.holdAdvisoryLock || this.jobLocks.has(jobId)) return;
    const attempt = await this.db.holdAdvisoryLock('job', jobId);
    if (attempt.held) {
      this.jobLocks.set(jobId, attempt);
      return;
    }
    const who = attempt.holder
      ? ` (${attempt.holder.applicationName || 'an unnamed client'}, server process ${attempt.holder.backendPid})`
      : '';
    throw new FerryError(
      'FERRY_ERR_LOCKED',
      `Job ${jobId} in ${this.db.displayUrl} is being written by another process${who}; one writer per job: let it ` +
        `finish or stop it, then rerun (or --resume ${jobId})`,
    );
  }
}

/**
 * Writes one chunk inside a caller's transaction: its rows with lineage (COPY), its rejects, and its checkpoint with
 * the ledger. The in-process load and the queued chunk task both write through here.
 */
export async function writeChunkRows(tx: SqlExecutor, jobId: string, chunk: LoadChunk): Promise<void> {
  const columns = [...chunk.table.columns.map((c) => c.name), ...lineageColumns];
  // COPY CSV reads an unquoted empty field as NULL: Ferry's blank is NULL in a database, and these
  // formatters write blanks unquoted (and values exactly: no spreadsheet guard in a COPY stream).
  const job = formatCsvField(jobId);
  let csv = '';
  for (let i = 0; i < chunk.rows.length; i++) {
    const lin = chunk.lineage[i]!;
    csv += `${formatCsvFields(chunk.rows[i]!)},${job},${formatCsvField(lin.sourceTable)},${formatCsvField(lin.sourceKey)}\n`;
  }
  let rejects = '';
  for (const [seq, r] of rejectLines(chunk).entries()) {
    // A blank source key (a row rejected for it) is an empty string, not NULL: written quoted, as COPY wants it.
    const key = r.sourceKey === '' ? '""' : formatCsvField(r.sourceKey);
    const head = formatCsvFields([jobId, r.targetTable, String(chunk.chunkNo), String(seq), r.sourceTable]);
    rejects += `${head},${key},${formatExactCsvRow([String(r.line), r.reasonCode, r.field, r.message])}`;
  }
  if (chunk.updates?.length) await applyUpdates(tx, jobId, chunk.table, chunk.chunkNo, chunk.updates);
  await tx.copyFromCsv(chunk.table.name, columns, chunk.copy?.data ?? csv);
  await tx.copyFromCsv('ferry_rejects', rejectColumns, rejects);
  await tx.query(
    'INSERT INTO ferry_job_chunks (job_id, target_table, chunk_no, row_count, ledger) VALUES ($1, $2, $3, $4, $5)',
    [jobId, chunk.table.name, chunk.chunkNo, chunk.copy?.rows ?? chunk.rows.length, JSON.stringify(chunk.ledger)],
  );
}

/**
 * Replaces existing rows with new values (`onDuplicate: 'update'`), inside the chunk's transaction: first the
 * before-image of each row another job owns (the whole row, lineage included) goes to `ferry_row_images`, then the
 * row takes the new values and points its lineage at this job's source row. A row this job already owns has its
 * before-image from when the job first updated it, or none if the job inserted it (a rollback removes it). Fails if
 * a row to update is no longer there, so that a target changed behind the job's back cannot be half-updated.
 */
async function applyUpdates(
  tx: SqlExecutor,
  jobId: string,
  table: CatalogTable,
  chunkNo: number,
  updates: readonly RowUpdate[],
): Promise<void> {
  const t = quoteIdent(table.name);
  const key = quoteIdent(targetKeyColumn(table));
  // The new rows as the table's own row type, ferry_job_id carrying the job that owns the row to update; blanks are
  // NULL as in COPY, and each value goes through its column type's input function as in COPY.
  const rows = updates.map((u) => {
    const row: Record<string, string | null> = {};
    for (const [i, c] of table.columns.entries()) row[c.name] = u.values[i] === '' ? null : (u.values[i] ?? null);
    row.ferry_job_id = u.ownerJobId;
    row.ferry_source_table = u.lineage.sourceTable;
    row.ferry_source_key = u.lineage.sourceKey;
    return row;
  });
  const set = [...table.columns.map((c) => quoteIdent(c.name)), 'ferry_source_table', 'ferry_source_key']
    .map((c) => `${c} = s.${c}`)
    .join(', ');
  const [result] = await tx.query<{ images: string; updated: string }>(
    `WITH s AS (SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)),
     images AS (
       INSERT INTO ferry_row_images (job_id, target_table, target_key, chunk_no, before_job_id, image)
       SELECT $2, $3, x.${key}::text, $4, x.ferry_job_id, to_jsonb(x)
         FROM ${t} x JOIN s ON x.ferry_job_id = s.ferry_job_id AND x.${key} = s.${key}
        WHERE x.ferry_job_id <> $2
       RETURNING 1),
     updated AS (
       UPDATE ${t} x SET ${set}, ferry_job_id = $2
         FROM s WHERE x.ferry_job_id = s.ferry_job_id AND x.${key} = s.${key}
       RETURNING 1)
     SELECT (SELECT count(*) FROM images)::text AS images, (SELECT count(*) FROM updated)::text AS updated`,
    [JSON.stringify(rows), jobId, table.name, chunkNo],
  );
  if (Number(result?.updated) !== updates.length) {
    throw new FerryError(
      'FERRY_ERR_CONFLICT',
      `${table.name}: ${updates.length - Number(result?.updated)} of the rows this chunk updates are no longer in the target (changed by another job or by hand); nothing of the chunk was written`,
      { table: table.name },
    );
  }
}
