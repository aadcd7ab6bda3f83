import type { TenantTx } from '../db/tenant-transaction.js';
import { type RunEvent, runEventsChannel } from './run-event.js';

/**
 * Appends one event to a run's log (`run_events`) inside `tx`, numbered after the last one, and on PostgreSQL
 * announces it with NOTIFY (delivered when `tx` commits) so servers in other processes stream it at once.
 */
export async function appendRunEvent(
  tx: TenantTx,
  run: { id: string; organisationId: string },
  event: RunEvent,
  notify: boolean,
): Promise<void> {
  await tx.run.query(
    `INSERT INTO run_events (organisation_id, run_id, seq, event)
     SELECT $1, $2, coalesce(max(seq), 0) + 1, $3::jsonb FROM run_events WHERE run_id = $2
     ON CONFLICT DO NOTHING`,
    [run.organisationId, run.id, JSON.stringify(event)],
  );
  if (notify) await tx.run.query('SELECT pg_notify($1, $2)', [runEventsChannel, run.id]);
}

/** The run's events after `afterSeq`, in order, as the transaction's scope may see them. */
export async function runEventsAfter(
  tx: TenantTx,
  runId: string,
  afterSeq: number,
): Promise<{ seq: number; event: RunEvent }[]> {
  const rows = await tx.db
    .selectFrom('run_events')
    .select(['seq', 'event'])
    .where('run_id', '=', runId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ seq: r.seq, event: r.event as unknown as RunEvent }));
}
