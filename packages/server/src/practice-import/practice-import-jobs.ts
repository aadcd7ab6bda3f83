import { FerryError, type ImportCounts, type RejectReason, rejectReasons } from '@ferry/core';
import { z } from 'zod';
import type { TenantTx } from '../db/tenant-transaction.js';

/** A practice import job row, as stored. */
export interface PracticeJobRow {
  id: string;
  organisation_id: string;
  preset: string;
  record_type: string | null;
  status: 'open' | 'completed' | 'failed' | 'rolled_back';
  skip_duplicates: boolean;
  continue_on_error: boolean;
  batch_size: number;
  records_read: number;
  records_imported: number;
  records_skipped: number;
  records_rejected: number;
  records_out_of_scope: number;
  records_removed: number;
  error: string | null;
  created_by: string | null;
  created_by_email: string;
  created_at: Date | string;
  completed_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/** What a job is created with. */
export interface NewPracticeJob {
  companyId: string;
  preset: string;
  recordType?: string;
  skipDuplicates: boolean;
  continueOnError: boolean;
  batchSize: number;
  createdBy: string | null;
  createdByEmail: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A job as the API and the CLI show it. */
export const practiceJobSchema = z.object({
  jobId: z.string(),
  companyId: z.string(),
  preset: z.string(),
  recordType: z.string().nullable(),
  status: z.enum(['open', 'completed', 'failed', 'rolled_back']),
  skipDuplicates: z.boolean(),
  continueOnError: z.boolean(),
  batchSize: z.number().int(),
  counts: z.object({
    read: z.number().int(),
    imported: z.number().int(),
    skipped: z.number().int(),
    rejected: z.number().int(),
    outOfScope: z.number().int(),
  }),
  /** Records the rollback removed. */
  removed: z.number().int(),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
});
export type PracticeJobView = z.infer<typeof practiceJobSchema>;

export function practiceJobView(row: PracticeJobRow): PracticeJobView {
  return {
    jobId: row.id,
    companyId: row.organisation_id,
    preset: row.preset,
    recordType: row.record_type,
    status: row.status,
    skipDuplicates: row.skip_duplicates,
    continueOnError: row.continue_on_error,
    batchSize: row.batch_size,
    counts: {
      read: row.records_read,
      imported: row.records_imported,
      skipped: row.records_skipped,
      rejected: row.records_rejected,
      outOfScope: row.records_out_of_scope,
    },
    removed: row.records_removed,
    error: row.error,
    createdBy: row.created_by_email,
    createdAt: iso(row.created_at)!,
    completedAt: iso(row.completed_at),
    rolledBackAt: iso(row.rolled_back_at),
  };
}

export async function insertPracticeJob(tx: TenantTx, job: NewPracticeJob): Promise<PracticeJobRow> {
  const [row] = await tx.run.query<PracticeJobRow>(
    `INSERT INTO practice_import_jobs (organisation_id, preset, record_type, skip_duplicates, continue_on_error,
       batch_size, created_by, created_by_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      job.companyId,
      job.preset,
      job.recordType ?? null,
      job.skipDuplicates,
      job.continueOnError,
      job.batchSize,
      job.createdBy,
      job.createdByEmail,
    ],
  );
  return row!;
}

/** A job the caller may see (row-level security); FERRY_ERR_NOT_FOUND otherwise, whoever else holds it. */
export async function findPracticeJob(tx: TenantTx, jobId: string, lock = false): Promise<PracticeJobRow> {
  const [row] = z.uuid().safeParse(jobId).success
    ? await tx.run.query<PracticeJobRow>(
        `SELECT * FROM practice_import_jobs WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
        [jobId],
      )
    : [];
  if (!row) throw new FerryError('FERRY_ERR_NOT_FOUND', `No import job ${jobId}`);
  return row;
}

/** Adds the records the scope filter left out of a table, and records why a job stopped (status `failed`). */
export async function recordTableOutcome(
  tx: TenantTx,
  jobId: string,
  counts: ImportCounts,
  stopped: string | undefined,
): Promise<void> {
  await tx.run.query(
    `UPDATE practice_import_jobs SET records_out_of_scope = records_out_of_scope + $2, records_read = records_read + $2,
       status = CASE WHEN $3::text IS NULL THEN status ELSE 'failed' END, error = coalesce($3::text, error)
     WHERE id = $1`,
    [jobId, counts.outOfScope, stopped ?? null],
  );
}

/** Rejects of a job grouped by reason, largest first, each with its first rows to fix (file and line order). */
export const rejectGroupSchema = z.object({
  reasonCode: z.string(),
  description: z.string(),
  count: z.number().int(),
  rows: z.array(
    z.object({
      recordType: z.string(),
      key: z.string(),
      sourceFile: z.string(),
      sourceLine: z.number().int(),
      field: z.string(),
      message: z.string(),
    }),
  ),
});
export type JobRejectGroup = z.infer<typeof rejectGroupSchema>;

export async function jobRejectGroups(tx: TenantTx, jobId: string, rowsPerGroup = 20): Promise<JobRejectGroup[]> {
  const counts = await tx.run.query<{ reason_code: string; n: string | number }>(
    `SELECT reason_code, count(*) AS n FROM practice_import_rejects WHERE job_id = $1
     GROUP BY reason_code ORDER BY count(*) DESC, reason_code`,
    [jobId],
  );
  const rows = await tx.run.query<{
    reason_code: string;
    record_type: string;
    record_key: string;
    source_file: string;
    source_line: number;
    field: string;
    message: string;
  }>(
    `SELECT reason_code, record_type, record_key, source_file, source_line, field, message FROM (
       SELECT *, row_number() OVER (PARTITION BY reason_code ORDER BY source_file, source_line) AS n
       FROM practice_import_rejects WHERE job_id = $1) r
     WHERE n <= $2 ORDER BY reason_code, source_file, source_line`,
    [jobId, rowsPerGroup],
  );
  return counts.map((c) => ({
    reasonCode: c.reason_code,
    description: rejectReasons[c.reason_code as RejectReason] ?? c.reason_code,
    count: Number(c.n),
    rows: rows
      .filter((r) => r.reason_code === c.reason_code)
      .map((r) => ({
        recordType: r.record_type,
        key: r.record_key,
        sourceFile: r.source_file,
        sourceLine: r.source_line,
        field: r.field,
        message: r.message,
      })),
  }));
}
