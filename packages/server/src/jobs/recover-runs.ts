import type { SqlDatabase } from '@ferry/core';
import { sql } from 'kysely';
import { appendAuditEvent } from '../audit/audit-writer.js';
import { tenantTransaction } from '../db/tenant-transaction.js';
import { appendRunEvent } from './run-event-store.js';
import { runsExecutingHere } from './run-execution.js';
import type { RunJob } from './run-job.js';

/** Recovery is a system action across organisations: it names platform access explicitly (no BYPASSRLS role). */
const recoveryScope = { orgId: null, userId: null, platformAccess: true };

/** A running run recovery failed, and the runner that held it. */
export interface LostRun {
  id: string;
  organisationId: string;
  runnerId: string | null;
}

/**
 * Fails the runs marked running whose runner is gone: every one (`staleAfterMs` undefined: the only runner is this
 * process, which just started) or those whose heartbeat is older than `staleAfterMs` by the database's clock. Each
 * gets an audit event and its `run-finished` event, in the same transaction; its error names the stage it was in. Runs executing in this process are
 * left alone.
 */
export async function failLostRuns(
  db: SqlDatabase,
  options: { staleAfterMs?: number; error: string; notify: boolean },
  now: Date,
): Promise<LostRun[]> {
  return tenantTransaction(db, recoveryScope, async (tx) => {
    let query = tx.db
      .updateTable('runs')
      .set({
        status: 'failed',
        outcome: 'ERROR',
        // Naming the stage it was in, when it had started one.
        error: sql<string>`cast(${options.error} as text) || coalesce(' (in stage ' || current_stage || ')', '')`,
        finished_at: now,
        current_stage: null,
      })
      .where('status', '=', 'running');
    if (options.staleAfterMs !== undefined) {
      const ms = options.staleAfterMs;
      query = query.where((eb) =>
        eb.or([
          eb('heartbeat_at', 'is', null),
          eb('heartbeat_at', '<', sql<Date>`now() - ${ms} * interval '1 millisecond'`),
        ]),
      );
    }
    // Runs this process executes are alive whatever their heartbeat says (its timer may just be late).
    if (runsExecutingHere.size) query = query.where('id', 'not in', [...runsExecutingHere]);
    const lost = await query.returning(['id', 'organisation_id', 'runner_id', 'error']).execute();
    for (const run of lost) {
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
      await appendRunEvent(
        tx,
        { id: run.id, organisationId: run.organisation_id },
        { type: 'run-finished', status: 'failed', outcome: 'ERROR', error: run.error ?? options.error },
        options.notify,
      );
    }
    return lost.map((r) => ({ id: r.id, organisationId: r.organisation_id, runnerId: r.runner_id }));
  });
}

/** Every queued run, oldest first, with whether a cancel was asked for. */
export async function queuedRuns(db: SqlDatabase): Promise<(RunJob & { cancelRequested: boolean })[]> {
  const rows = await tenantTransaction(db, recoveryScope, (tx) =>
    tx.db
      .selectFrom('runs')
      .select(['id', 'organisation_id', 'project_id', 'started_by', 'cancel_requested'])
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .execute(),
  );
  return rows.map((r) => ({
    runId: r.id,
    orgId: r.organisation_id,
    projectId: r.project_id,
    startedBy: r.started_by,
    cancelRequested: r.cancel_requested,
  }));
}
