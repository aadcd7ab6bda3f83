import { z } from 'zod';
import { catalogTableSchema } from '../../catalog/catalog-model.js';
import { csvDelimiters, csvEncodings } from '../../connectors/csv/csv-record.js';
import { mappingContractSchema, releaseProfiles } from '../../contract/contract-model.js';
import { crosswalkSetSchema } from '../../crosswalk/crosswalk-model.js';
import { FerryError } from '../../errors.js';
import type { SqlExecutor } from '../../store/sql-database.js';
import {
  fieldDateFormatSchema,
  migrationReportSchema,
  sourceFileSchema,
  unmappedSourceTableSchema,
} from '../migration-report.js';

/**
 * Everything a worker needs to load any chunk of a queued job, stored in the target beside the job: the contract,
 * the target tables, the crosswalks, the policy, and where the source is (a path every worker can read, with each
 * file's SHA-256 so a worker refuses a source that changed). `planId` changes when the job is planned afresh, so
 * chunks queued by an earlier plan of the same job do nothing.
 */
export const queuedJobPlanSchema = z.object({
  version: z.literal(1),
  jobId: z.string().min(1),
  planId: z.string().min(1),
  queueSchema: z.string().min(1),
  contract: mappingContractSchema,
  /** The target tables of the contract's tables, in load order. */
  targetTables: z.array(catalogTableSchema),
  crosswalks: crosswalkSetSchema,
  releaseProfile: z.enum(releaseProfiles),
  onDuplicate: z.enum(['skip', 'reject']).optional(),
  batchSize: z.number().int().positive(),
  source: z.object({
    kind: z.literal('csv'),
    path: z.string().min(1),
    encoding: z.enum(['auto', ...csvEncodings]),
    /** Declared delimiter (absent: detected per file, as in plans made before it was recorded). */
    delimiter: z.enum(['auto', ...csvDelimiters]).optional(),
    /** Source table -> SHA-256 of its file when the job was planned. */
    sha256: z.record(z.string(), z.string()),
  }),
  /** Per contract table, in load order: its data rows and chunks (chunk k holds rows k*batchSize..). */
  tables: z.array(
    z.object({ target: z.string(), source: z.string(), rows: z.number().int(), chunks: z.number().int() }),
  ),
  unmappedSourceTables: z.array(unmappedSourceTableSchema),
  /**
   * Per target table and field, the source date format decided from the whole column when the job was planned (the
   * chunks cannot decide it, each seeing only its rows). Plans written before it existed read as none.
   */
  dateFormats: z.record(z.string(), z.record(z.string(), z.array(z.string()))).default({}),
  /** How each date field is read (declared or decided), for the job's report. */
  dateFormatLedger: z.array(fieldDateFormatSchema).default([]),
  /** How each source file was read when the job was planned (absent in plans made before it was recorded). */
  sourceFiles: z.array(sourceFileSchema).optional(),
});
export type QueuedJobPlan = z.infer<typeof queuedJobPlanSchema>;

/** The table of queued job plans (in the target, beside ferry_jobs), and the report once the job completes. */
export const jobPlansTableSql = `
CREATE TABLE IF NOT EXISTS ferry_job_plans (
  job_id text PRIMARY KEY,
  plan_id text NOT NULL,
  plan jsonb NOT NULL,
  report jsonb,
  planned_at timestamptz NOT NULL DEFAULT now()
);`;

/** Stores a plan, replacing the job's earlier one. */
export async function saveJobPlan(db: SqlExecutor, plan: QueuedJobPlan): Promise<void> {
  await db.query(
    `INSERT INTO ferry_job_plans (job_id, plan_id, plan) VALUES ($1, $2, $3)
     ON CONFLICT (job_id) DO UPDATE SET plan_id = excluded.plan_id, plan = excluded.plan, report = NULL, planned_at = now()`,
    [plan.jobId, plan.planId, JSON.stringify(plan)],
  );
}

/** The job's current plan, or undefined when it was never queued. `forShare` locks it against re-planning. */
export async function readJobPlan(
  db: SqlExecutor,
  jobId: string,
  options: { forShare?: boolean } = {},
): Promise<QueuedJobPlan | undefined> {
  const [row] = await db.query<{ plan: string }>(
    `SELECT plan::text AS plan FROM ferry_job_plans WHERE job_id = $1${options.forShare ? ' FOR SHARE' : ''}`,
    [jobId],
  );
  if (!row) return undefined;
  const parsed = queuedJobPlanSchema.safeParse(JSON.parse(row.plan));
  if (!parsed.success) {
    throw new FerryError('FERRY_ERR_INPUT', `The stored plan of job ${jobId} is not a valid queued job plan`, {
      key: jobId,
    });
  }
  return parsed.data;
}

/** The id of the job's current plan (cheap: workers compare it with the plan they hold). */
export async function readJobPlanId(db: SqlExecutor, jobId: string): Promise<string | undefined> {
  const [row] = await db.query<{ plan_id: string }>('SELECT plan_id FROM ferry_job_plans WHERE job_id = $1', [jobId]);
  return row?.plan_id;
}

/** The report recorded when the job's last chunk committed, or undefined while it runs. */
export async function readJobReport(db: SqlExecutor, jobId: string) {
  const [row] = await db.query<{ report: string | null }>(
    'SELECT report::text AS report FROM ferry_job_plans WHERE job_id = $1',
    [jobId],
  );
  return row?.report ? migrationReportSchema.parse(JSON.parse(row.report)) : undefined;
}
