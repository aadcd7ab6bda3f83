import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * CPU-bound work written as a generator that `yield`s at safe points (between tables, between chunks). Run to its end
 * at once (`runToEnd`), or with the event loop given a turn whenever a slice of time has passed (`runYielding`), so
 * that a signal handler or a request can run meanwhile: SIGINT cannot be handled while the thread is busy.
 */
export type Steps<T> = Generator<void, T>;

/** Runs every step now, synchronously. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs the steps, giving the event loop a turn once `sliceMs` of work has passed since the last turn. An aborted
 * `signal` stops the work at its next step with the signal's reason.
 */
export async function runYielding<T>(steps: Steps<T>, sliceMs = 50, signal?: AbortSignal): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= sliceMs) {
      await nextTurn();
      signal?.throwIfAborted();
      since = performance.now();
    }
  }
}
