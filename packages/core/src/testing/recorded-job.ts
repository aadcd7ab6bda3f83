import { jobTablesSql } from '../migrate/target-ddl.js';
import type { SqlExecutor } from '../store/sql-database.js';

/**
 * Records a completed job in a hand-made test target (`ferry_jobs`, as a load would), for tests that insert the job's
 * rows themselves. The contract hash and source fingerprint default to fixed test values.
 *
 * @example
 * await recordCompletedJob(db, 'J1', ['LOAD_PMI']);
 */
export async function recordCompletedJob(
  db: SqlExecutor,
  jobId: string,
  tables: readonly string[],
  subject: { contractHash?: string; sourceFingerprint?: string | null } = {},
): Promise<void> {
  await db.exec(jobTablesSql);
  await db.query(
    `INSERT INTO ferry_jobs (job_id, contract_hash, release_profile, batch_size, status, tables, source_fingerprint)
     VALUES ($1, $2, 'pre_production', 5000, 'completed', $3, $4)`,
    [
      jobId,
      subject.contractHash ?? 'test-contract-hash',
      JSON.stringify(tables),
      subject.sourceFingerprint === undefined ? 'test-source-fingerprint' : subject.sourceFingerprint,
    ],
  );
}
