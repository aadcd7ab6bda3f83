import type { LifecycleEvent } from '@ferry/core';

/** What a run's live progress stream carries: the lifecycle's events, then one final event. */
export type RunEvent =
  | LifecycleEvent
  | { type: 'run-status'; status: 'queued' | 'running' }
  | { type: 'run-finished'; status: 'succeeded' | 'failed' | 'cancelled'; outcome: string | null; error?: string };

type Listener = (event: RunEvent) => void;

/** Kept per run for late subscribers; progress events beyond this are dropped from the replay (not from live). */
const replayLimit = 2000;

/**
 * Live progress of runs in this process, for server-sent events: a subscriber gets the run's events so far, then
 * each new one, until `run-finished`. Finished runs are forgotten after a while (their state is in the database).
 */
export class RunEventHub {
  private readonly runs = new Map<string, { events: RunEvent[]; listeners: Set<Listener>; finished: boolean }>();

  publish(runId: string, event: RunEvent): void {
    const entry = this.entry(runId);
    if (entry.events.length < replayLimit || event.type !== 'stage-progress') entry.events.push(event);
    for (const listener of entry.listeners) listener(event);
    if (event.type === 'run-finished') {
      entry.finished = true;
      entry.listeners.clear();
      setTimeout(() => this.runs.delete(runId), 10 * 60_000).unref();
    }
  }

  /** Replays the run's events so far and follows it; returns a function that stops following. */
  subscribe(runId: string, listener: Listener): { replay: RunEvent[]; finished: boolean; stop: () => void } {
    const entry = this.entry(runId);
    if (!entry.finished) entry.listeners.add(listener);
    return { replay: [...entry.events], finished: entry.finished, stop: () => entry.listeners.delete(listener) };
  }

  private entry(runId: string) {
    let entry = this.runs.get(runId);
    if (!entry) {
      entry = { events: [], listeners: new Set(), finished: false };
      this.runs.set(runId, entry);
    }
    return entry;
  }
}
