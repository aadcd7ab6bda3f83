import { FerryError } from '@ferry/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { RunsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';

export const runSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  outcome: z.enum(['PASS', 'FAIL', 'ERROR', 'PARTIAL']).nullable(),
  /** The release gate's verdict, once the gate stage ran. */
  gateOutcome: z.enum(['PASS', 'FAIL']).nullable(),
  /** The exit code `ferry lifecycle` gives for the same ending; null while running, or when cancelled. */
  exitCode: z.number().int().nullable(),
  releaseProfile: z.string(),
  source: z.record(z.string(), z.unknown()),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  contractHash: z.string(),
  crosswalkHash: z.string().nullable(),
  currentStage: z.string().nullable(),
  lifecycleRunId: z.string().nullable(),
  error: z.string().nullable(),
  cancelRequested: z.boolean(),
  startedBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The registered target database the run loads into; null: the project's embedded database or CSV folder. */
  targetId: z.string().nullable(),
  /** The rollback of the run's load, once done. */
  rollback: z
    .object({
      jobId: z.string(),
      at: z.string(),
      by: z.string(),
      tables: z.array(z.object({ table: z.string(), rows: z.number().int(), restored: z.number().int() })),
    })
    .nullable(),
});
export type RunView = z.infer<typeof runSchema>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function runView(r: Selectable<RunsTable>): RunView {
  return {
    id: r.id,
    projectId: r.project_id,
    status: r.status,
    outcome: r.outcome,
    gateOutcome: r.gate_outcome,
    exitCode: r.exit_code,
    releaseProfile: r.release_profile,
    source: r.source,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    contractHash: r.contract_hash,
    crosswalkHash: r.crosswalk_hash,
    currentStage: r.current_stage,
    lifecycleRunId: r.lifecycle_run_id,
    error: r.error,
    cancelRequested: r.cancel_requested,
    startedBy: r.started_by,
    createdAt: new Date(r.created_at).toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    targetId: r.target_id ?? null,
    rollback: r.rollback ?? null,
  };
}

/** A run the scope can see, or FERRY_ERR_NOT_FOUND (another organisation's run answers like an unknown one). */
export async function findRun(tx: TenantTx, runId: string) {
  const run = await tx.db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new FerryError('FERRY_ERR_NOT_FOUND', `No run ${runId}`);
  return run;
}
