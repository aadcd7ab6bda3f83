import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LifecycleOptions, LifecycleResult } from '@ferry/core';
import type { FromThread, LifecycleThreadData, ThreadLifecycleOptions, ToThread } from './lifecycle-thread-messages.js';
import { fromThreadError, toThreadError } from './lifecycle-thread-messages.js';
import { packTransfer } from './pack-transfer.js';

/** The run thread's module: beside this one when built; under the test runner (TypeScript sources) the built one. */
function threadModule(): URL {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return new URL('./lifecycle-thread-worker.js', import.meta.url);
  return pathToFileURL(here.replace(/([/\\])src([/\\]jobs[/\\])[^/\\]+\.ts$/, '$1dist$2lifecycle-thread-worker.js'));
}

/** How a caller steers a lifecycle running in a thread. */
export interface LifecycleThreadControl {
  /** Polled at every event and every `pollMs`: true once the run is to stop (it stops at its next progress point). */
  shouldStop(): boolean;
  pollMs?: number;
}

/**
 * Runs one lifecycle in a worker thread, so that the server's event loop keeps answering while the stages work:
 * the same options and result as `runLifecycle`, with its events passed back to `options.onEvent` on this thread.
 * The thread touches only the run's target and folder (their file locks hold across threads); the platform
 * database stays with this thread. A stop is seen by the thread at its next progress event even when it is busy
 * (a shared flag), and at once when it is waiting (an abort: the run records CANCELLED). Errors come back as they
 * were thrown (a Ferry error keeps its code); a thread that dies without an answer rejects.
 */
export async function runLifecycleInThread(
  options: LifecycleOptions,
  control: LifecycleThreadControl,
): Promise<LifecycleResult> {
  const { pack, now, onEvent, signal: _signal, ...rest } = options;
  const stop = new SharedArrayBuffer(4);
  const data: LifecycleThreadData = {
    pack: await packTransfer(pack),
    options: rest satisfies ThreadLifecycleOptions,
    clockOffsetMs: now ? now().getTime() - Date.now() : 0,
    stop,
  };
  const worker = new Worker(threadModule(), { workerData: data });
  const flag = new Int32Array(stop);
  const tell = (message: ToThread) => worker.postMessage(message);
  const checkStop = () => {
    if (Atomics.load(flag, 0) === 1 || !control.shouldStop()) return;
    Atomics.store(flag, 0, 1);
    tell({ type: 'stop' });
  };
  const poll = setInterval(checkStop, control.pollMs ?? 250);
  try {
    return await new Promise<LifecycleResult>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
      };
      worker.on('message', (message: FromThread) => {
        if (message.type === 'event') {
          checkStop();
          try {
            onEvent?.(message.event);
          } catch (e) {
            Atomics.store(flag, 0, 1);
            tell({ type: 'stop' });
            settle(() => reject(e));
          }
        } else if (message.type === 'generate') {
          pack
            .generate({
              ...message.options,
              onProgress: (done, total) => tell({ type: 'generate-progress', done, total }),
            })
            .then(
              (result) => tell({ type: 'generated', result }),
              (e) => tell({ type: 'generate-failed', error: toThreadError(e) }),
            );
        } else if (message.type === 'done') settle(() => resolve(message.result));
        else if (message.type === 'failed') settle(() => reject(fromThreadError(message.error)));
      });
      worker.on('error', (e) => settle(() => reject(e)));
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`The run thread ended without finishing (exit code ${code})`))),
      );
    });
  } finally {
    clearInterval(poll);
  }
}
