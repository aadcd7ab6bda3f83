import type { LifecycleEvent } from '@ferry/core';

/** What a run's live progress stream carries: the lifecycle's events, then one final event. */
export type RunEvent =
  | LifecycleEvent
  | { type: 'run-status'; status: 'queued' | 'running' }
  | { type: 'run-finished'; status: 'succeeded' | 'failed' | 'cancelled'; outcome: string | null; error?: string }
  /** The run's load was rolled back, after the run (who, and what was undone per table: counts only). */
  | {
      type: 'run-rollback';
      jobId: string;
      by: string;
      tables: { table: string; rows: number; restored: number }[];
    };

/** The PostgreSQL NOTIFY channel on which a new event of a run is announced (the payload is the run id). */
export const runEventsChannel = 'ferry_run_events';
