import type { SqlDatabase } from '@ferry/core';
import type { FastifyBaseLogger } from 'fastify';
import { tenantTransaction } from '../db/tenant-transaction.js';
import type { RunEvent } from './run-event.js';
import type { RunEventSignal } from './run-event-signal.js';
import { appendRunEvent } from './run-event-store.js';
import { type RunJob, runScope } from './run-job.js';

/** Progress events of one stage are written at most this often (the first and the last always). */
const progressEveryMs = 250;

/**
 * Writes a runner's events to the run's log, in order, in the run's organisation scope, without holding the run
 * up: writes queue per run and `flush` waits for them. Progress is thinned to a few events a second per stage.
 * A failed write is logged and skipped (the run's row stays the truth: followers see its final state from it).
 */
export class RunEventWriter {
  private readonly runs = new Map<string, { chain: Promise<void>; progressAt: Map<string, number> }>();

  constructor(
    private readonly db: SqlDatabase,
    private readonly signal: RunEventSignal,
    private readonly log?: FastifyBaseLogger,
  ) {}

  publish(job: RunJob, event: RunEvent): void {
    const entry = this.entry(job.runId);
    if (event.type === 'stage-progress' && event.done < event.total) {
      const at = Date.now();
      const last = entry.progressAt.get(event.stage);
      if (last !== undefined && at - last < progressEveryMs) return;
      entry.progressAt.set(event.stage, at);
    }
    entry.chain = entry.chain.then(async () => {
      try {
        await tenantTransaction(this.db, runScope(job), (tx) =>
          appendRunEvent(tx, { id: job.runId, organisationId: job.orgId }, event, this.db.kind === 'postgres'),
        );
        this.signal.notify(job.runId);
      } catch (e) {
        this.log?.warn({ err: e, runId: job.runId, event: event.type }, 'could not record a run event');
      }
    });
  }

  /** Waits for the run's queued writes; the run's entry is dropped once it is finished. */
  async flush(runId: string, finished = false): Promise<void> {
    await this.runs.get(runId)?.chain;
    if (finished) this.runs.delete(runId);
  }

  private entry(runId: string) {
    let entry = this.runs.get(runId);
    if (!entry) {
      entry = { chain: Promise.resolve(), progressAt: new Map() };
      this.runs.set(runId, entry);
    }
    return entry;
  }
}
