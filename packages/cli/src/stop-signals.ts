import { signalExitCode } from './error-translation.js';

const stoppable = new Set<AbortController>();
let stoppedBy: NodeJS.Signals | undefined;
let installed = false;

/**
 * A signal a command passes to long work it can stop cleanly (a lifecycle run marks itself CANCELLED): aborted with
 * the signal's name on the first SIGINT or SIGTERM. `done()` when the work is over.
 */
export function stopSignal(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  stoppable.add(controller);
  return { signal: controller.signal, done: () => stoppable.delete(controller) };
}

/** The signal that stopped this process, if one did. */
export function stopRequestedBy(): NodeJS.Signals | undefined {
  return stoppedBy;
}

/**
 * SIGINT and SIGTERM end the process with 130 and 143, its locks released: at once, or once the work that listens
 * (`stopSignal()`) has recorded how it stopped (bounded by `graceMs`). A second signal ends it at once. Commands that
 * stop themselves (serve, runs worker) listen to the signals directly and are left to do so.
 */
export function installStopSignals(graceMs = 10_000): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const code = signalExitCode(signal);
      if (stoppedBy) process.exit(code);
      if (process.listenerCount(signal) > 1 && stoppable.size === 0) return; // serve, runs worker
      stoppedBy = signal;
      if (stoppable.size === 0) process.exit(code);
      for (const c of stoppable) c.abort(signal);
      setTimeout(() => process.exit(code), graceMs).unref();
    });
  }
}
