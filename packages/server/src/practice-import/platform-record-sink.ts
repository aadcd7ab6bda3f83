import {
  type BatchOutcome,
  type DuplicatePolicy,
  duplicateReject,
  FerryError,
  type ImportedRecord,
  type ImportReject,
  type PracticeRecordSink,
  type SqlDatabase,
} from '@ferry/core';
import { type TenantScope, tenantTransaction } from '../db/tenant-transaction.js';

/**
 * A company's records in the platform database: every batch in one tenant transaction (row-level security decides
 * what it sees and writes), the job locked and required to be open, its records, rejects and counts written together
 * (records read = imported + skipped + rejected here; the importer adds the records the scope filter left out).
 *
 * @example
 * const sink = new PlatformRecordSink(db, scope, { id: job.id, organisationId: job.organisation_id });
 */
export class PlatformRecordSink implements PracticeRecordSink {
  constructor(
    private readonly db: SqlDatabase,
    private readonly scope: TenantScope,
    private readonly job: { id: string; organisationId: string },
  ) {}

  async existingKeys(table: string, keys: readonly string[]): Promise<Set<string>> {
    const rows = await tenantTransaction(this.db, this.scope, (tx) =>
      // One primary-key lookup per key (the LIMIT keeps the planner from hashing the company's whole table, which it
      // would do on the stale statistics of a table that a running import is filling).
      tx.run.query<{ record_key: string }>(
        `SELECT k.key AS record_key FROM jsonb_array_elements_text($3::jsonb) AS k(key)
         CROSS JOIN LATERAL (SELECT 1 FROM practice_records r WHERE r.organisation_id = $1 AND r.record_type = $2
           AND r.record_key = k.key LIMIT 1) held`,
        [this.job.organisationId, table, JSON.stringify(keys)],
      ),
    );
    return new Set(rows.map((r) => r.record_key));
  }

  async writeBatch(
    records: readonly ImportedRecord[],
    rejects: readonly ImportReject[],
    duplicates: DuplicatePolicy,
  ): Promise<BatchOutcome> {
    const { id, organisationId } = this.job;
    return tenantTransaction(this.db, this.scope, async (tx) => {
      const [job] = await tx.run.query<{ status: string }>(
        'SELECT status FROM practice_import_jobs WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!job) throw new FerryError('FERRY_ERR_NOT_FOUND', `No import job ${id}`);
      if (job.status !== 'open') {
        throw new FerryError('FERRY_ERR_CONFLICT', `Import job ${id} is ${job.status}: it takes no more records`);
      }
      const inserted = records.length
        ? await tx.run.query<{ record_type: string; record_key: string }>(
            `INSERT INTO practice_records (organisation_id, record_type, record_key, job_id, data, source_file, source_line)
             SELECT $1, r.t, r.k, $2, r.d, r.f, r.l FROM jsonb_to_recordset($3::jsonb) AS r(t text, k text, d jsonb, f text, l integer)
             ON CONFLICT DO NOTHING RETURNING record_type, record_key`,
            [
              organisationId,
              id,
              JSON.stringify(
                records.map((r) => ({ t: r.table, k: r.key, d: r.values, f: r.sourceFile, l: r.sourceLine })),
              ),
            ],
          )
        : [];
      const done = new Set(inserted.map((r) => `${r.record_type}\u0000${r.record_key}`));
      const held = records.filter((r) => !done.has(`${r.table}\u0000${r.key}`));
      const allRejects = duplicates === 'reject' ? [...rejects, ...held.map(duplicateReject)] : [...rejects];
      if (allRejects.length) {
        await tx.run.query(
          `INSERT INTO practice_import_rejects
             (organisation_id, job_id, record_type, record_key, source_file, source_line, reason_code, field, message)
           SELECT $1, $2, r.t, r.k, r.f, r.l, r.c, r.fd, r.m
           FROM jsonb_to_recordset($3::jsonb) AS r(t text, k text, f text, l integer, c text, fd text, m text)`,
          [
            organisationId,
            id,
            JSON.stringify(
              allRejects.map((r) => ({
                t: r.table,
                k: r.key,
                f: r.sourceFile,
                l: r.sourceLine,
                c: r.reasonCode,
                fd: r.field,
                m: r.message,
              })),
            ),
          ],
        );
      }
      const outcome: BatchOutcome = {
        imported: inserted.length,
        skipped: duplicates === 'skip' ? held.length : 0,
        rejected: allRejects.length,
      };
      await tx.run.query(
        `UPDATE practice_import_jobs SET records_imported = records_imported + $2, records_skipped = records_skipped + $3,
           records_rejected = records_rejected + $4, records_read = records_read + $2 + $3 + $4 WHERE id = $1`,
        [id, outcome.imported, outcome.skipped, outcome.rejected],
      );
      return outcome;
    });
  }
}
