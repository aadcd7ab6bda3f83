import type { LifecycleEvent } from '@ferry/core';

/** What a run's live progress stream carries: the lifecycle's events, then one final event. */
export type RunEvent =
  | LifecycleEvent
  | { type: 'run-status'; status: 'queued' | 'running' }
  | { type: 'run-finished'; status: 'succeeded' | 'failed' | 'cancelled'; outcome: string | null; error?: string };

/** The PostgreSQL NOTIFY channel on which a new event of a run is announced (the payload is the run id). */
export const runEventsChannel = 'ferry_run_events';
