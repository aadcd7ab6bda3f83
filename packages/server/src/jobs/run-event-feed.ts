import type { TenantTx } from '../db/tenant-transaction.js';
import type { RunEvent } from './run-event.js';
import type { RunEventSignal } from './run-event-signal.js';
import { runEventsAfter } from './run-event-store.js';

/** Runs `fn` in the follower's tenant scope (a request's `tenant`), so row-level security decides what it reads. */
export type TenantReader = <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>;

const finishedStatuses = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Follows a run's progress from its event log, wherever the run executes: it reads the events so far, then waits
 * for the next one (woken by the signal: a write in this process, or PostgreSQL NOTIFY from another) or polls
 * every `pollMs`, until `run-finished`. A run finished without that event (its runner was lost) ends with its state
 * from the `runs` row.
 */
export class RunEventFeed {
  constructor(
    readonly signal: RunEventSignal,
    private readonly pollMs: number,
  ) {}

  /** The run's events so far (replay). */
  async read(read: TenantReader, runId: string): Promise<RunEvent[]> {
    return (await read((tx) => runEventsAfter(tx, runId, 0))).map((e) => e.event);
  }

  /** Calls `onEvent` for each event until the run finishes or `stop` is called; `ended` resolves then. */
  follow(
    read: TenantReader,
    runId: string,
    onEvent: (event: RunEvent) => void,
  ): { stop: () => void; ended: Promise<void> } {
    let stopped = false;
    let wake = () => {};
    const ended = (async () => {
      let last = 0;
      while (!stopped) {
        const next = this.signal.next(runId, this.pollMs);
        wake = next.cancel;
        // The row first: its final state commits with the run-finished event, so reading the events after it
        // cannot miss that event when the row says finished.
        const { run, events } = await read(async (tx) => {
          const run = await tx.db
            .selectFrom('runs')
            .select(['status', 'outcome', 'error'])
            .where('id', '=', runId)
            .executeTakeFirst();
          return { run, events: await runEventsAfter(tx, runId, last) };
        });
        for (const { seq, event } of events) {
          if (stopped) break;
          last = seq;
          onEvent(event);
          if (event.type === 'run-finished') stopped = true;
        }
        if (!stopped && (!run || finishedStatuses.has(run.status))) {
          if (run)
            onEvent({
              type: 'run-finished',
              status: run.status as 'succeeded' | 'failed' | 'cancelled',
              outcome: run.outcome,
              ...(run.error ? { error: run.error } : {}),
            });
          stopped = true;
        }
        if (!stopped) await next.done;
        else next.cancel();
      }
    })();
    return {
      stop: () => {
        stopped = true;
        wake();
      },
      ended,
    };
  }
}
