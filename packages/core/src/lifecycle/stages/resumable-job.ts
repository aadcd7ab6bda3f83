import { DatabaseLoadTarget } from '../../migrate/database-load-target.js';
import type { LoadTarget } from '../../migrate/load-target.js';

/** What a rerun of the migrate stage needs to know to continue an interrupted job rather than start it again. */
export interface JobResumeQuery {
  jobId: string;
  contractHash: string;
  batchSize: number;
}

/**
 * Whether a job can be resumed in a target: a database target holds it unfinished (a kill left it `running`, or it
 * `failed`), with the same contract and chunk size, and no duplicate policy (the lifecycle loads without one). Its
 * committed chunks are then kept and only the rest loaded (exactly once), as `ferry migrate --resume` does; a finished
 * or rolled-back job, or none, is loaded afresh.
 */
export async function canResumeJob(target: LoadTarget, job: JobResumeQuery): Promise<boolean> {
  if (!(target instanceof DatabaseLoadTarget)) return false;
  const [exists] = await target.db.query<{ t: string | null }>(`SELECT to_regclass('ferry_jobs')::text AS t`);
  if (!exists?.t) return false;
  const [row] = await target.db.query<{
    status: string;
    contract_hash: string;
    batch_size: number;
    on_duplicate: string | null;
  }>('SELECT status, contract_hash, batch_size, on_duplicate FROM ferry_jobs WHERE job_id = $1', [job.jobId]);
  return (
    row !== undefined &&
    (row.status === 'running' || row.status === 'failed') &&
    row.contract_hash === job.contractHash &&
    Number(row.batch_size) === job.batchSize &&
    row.on_duplicate === null
  );
}
