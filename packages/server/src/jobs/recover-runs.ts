import type { SqlDatabase } from '@ferry/core';
import { appendAuditEvent } from '../audit/audit-writer.js';
import { tenantTransaction } from '../db/tenant-transaction.js';
import type { LifecycleJobRunner } from './lifecycle-job-runner.js';

/**
 * At start: runs that were running when the server stopped are marked failed (their folders say how far they got);
 * queued runs are queued again. A system action across organisations, so it names platform access explicitly.
 */
export async function recoverRuns(
  db: SqlDatabase,
  jobs: LifecycleJobRunner,
  now: Date,
): Promise<{ failed: number; requeued: number }> {
  const { interrupted, queued } = await tenantTransaction(
    db,
    { orgId: null, userId: null, platformAccess: true },
    async (tx) => {
      const interrupted = await tx.db
        .updateTable('runs')
        .set({
          status: 'failed',
          outcome: 'ERROR',
          error: 'interrupted: the server stopped while the run was going',
          finished_at: now,
          current_stage: null,
        })
        .where('status', '=', 'running')
        .returning(['id', 'organisation_id'])
        .execute();
      for (const run of interrupted) {
        await appendAuditEvent(
          tx,
          {
            organisationId: run.organisation_id,
            actorId: null,
            actor: 'system',
            action: 'run.failed',
            targetType: 'run',
            targetId: run.id,
            details: { reason: 'interrupted' },
          },
          now,
        );
      }
      const queued = await tx.db
        .selectFrom('runs')
        .select(['id', 'organisation_id', 'project_id', 'started_by'])
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .execute();
      return { interrupted, queued };
    },
  );
  for (const run of queued)
    jobs.enqueue({ runId: run.id, orgId: run.organisation_id, projectId: run.project_id, startedBy: run.started_by });
  return { failed: interrupted.length, requeued: queued.length };
}
