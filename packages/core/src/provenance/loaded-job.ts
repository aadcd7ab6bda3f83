import { FerryError } from '../errors.js';
import type { SqlExecutor } from '../store/sql-database.js';
import type { ReportSubject } from './report-subject.js';

/** A completed job of a target, and the rows of it that are there now, per target table. */
export interface LoadedJob {
  subject: ReportSubject;
  releaseProfile: string;
  /** Rows carrying the job's id now, per target table the job loaded (in the job's table order). */
  rowsByTable: Record<string, number>;
  rows: number;
}

interface JobRow {
  job_id: string;
  contract_hash: string;
  release_profile: string;
  status: string;
  tables: string[];
  source_fingerprint?: string | null;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function hasTable(db: SqlExecutor, table: string): Promise<boolean> {
  const rows = await db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM information_schema.tables
      WHERE table_schema = ANY (current_schemas(false)) AND table_name = $1`,
    [table],
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

async function lineageTables(db: SqlExecutor): Promise<Set<string>> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name::text AS table_name FROM information_schema.columns
      WHERE table_schema = ANY (current_schemas(false)) AND column_name = 'ferry_job_id'`,
  );
  return new Set(rows.map((r) => r.table_name));
}

/**
 * Reads what a target knows of a job before anything judges it: its record in `ferry_jobs` (contract hash, source
 * fingerprint, status) and how many of its rows are in the target now. Refuses, with a message naming the job, what
 * cannot be judged honestly: a target with no Ferry jobs, an unknown job (naming the jobs that are there), a job that
 * did not complete or was rolled back, and a job with no rows in the target.
 *
 * @example
 * const job = await readLoadedJob(db, 'job-1a2b'); // { subject, rowsByTable: { LOAD_PMI: 298 }, rows: 298, ... }
 */
export async function readLoadedJob(db: SqlExecutor, jobId: string): Promise<LoadedJob> {
  if (!(await hasTable(db, 'ferry_jobs'))) {
    throw new FerryError(
      'FERRY_ERR_NOTHING_TO_JUDGE',
      `Job ${jobId} is not in the target: it holds no Ferry jobs at all (no ferry_jobs table); load it with ferry migrate first`,
      { key: jobId },
    );
  }
  const [found] = await db.query<{ job: JobRow }>('SELECT to_jsonb(j) AS job FROM ferry_jobs j WHERE job_id = $1', [
    jobId,
  ]);
  if (!found) {
    const others = await db.query<{ job_id: string }>(
      `SELECT job_id FROM ferry_jobs WHERE status = 'completed' ORDER BY started_at DESC, job_id LIMIT 6`,
    );
    const names = others.map((o) => o.job_id);
    const there = names.length
      ? `completed jobs there: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}`
      : 'it has no completed job';
    throw new FerryError('FERRY_ERR_NOTHING_TO_JUDGE', `Job ${jobId} is not in the target (${there})`, {
      key: jobId,
    });
  }
  const job = typeof found.job === 'string' ? (JSON.parse(found.job) as JobRow) : found.job;
  if (job.status !== 'completed') {
    const why =
      job.status === 'rolled_back'
        ? 'it was rolled back, so its rows are gone'
        : `it is ${job.status}, not completed, so its rows are not all there (resume or rerun it first)`;
    throw new FerryError('FERRY_ERR_NOTHING_TO_JUDGE', `Job ${jobId} cannot be judged: ${why}`, { key: jobId });
  }
  const withLineage = await lineageTables(db);
  const rowsByTable: Record<string, number> = {};
  let rows = 0;
  for (const table of job.tables) {
    if (!withLineage.has(table)) {
      rowsByTable[table] = 0;
      continue;
    }
    const [r] = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${quoteIdent(table)} WHERE ferry_job_id = $1`,
      [jobId],
    );
    rowsByTable[table] = Number(r?.n ?? 0);
    rows += rowsByTable[table];
  }
  if (rows === 0) {
    throw new FerryError(
      'FERRY_ERR_NOTHING_TO_JUDGE',
      `Job ${jobId} has no rows in the target (tables ${job.tables.join(', ') || 'none'}): a check over nothing cannot pass`,
      { key: jobId },
    );
  }
  return {
    subject: { jobId, contractHash: job.contract_hash, sourceFingerprint: job.source_fingerprint ?? null },
    releaseProfile: job.release_profile,
    rowsByTable,
    rows,
  };
}
