import { parentPort, workerData } from 'node:worker_threads';
import { FerryError, type GenerateOptions, type GenerateResult, runLifecycle } from '@ferry/core';
import {
  type FromThread,
  fromThreadError,
  type LifecycleThreadData,
  type ToThread,
  toThreadError,
} from './lifecycle-thread-messages.js';
import { packOf } from './pack-transfer.js';

/**
 * A run thread (see lifecycle-thread.ts): runs one lifecycle against the run's target and folder, sending its events
 * to the server thread. It opens no platform database: everything the platform records goes through the server.
 */
const port = parentPort;
if (!port) throw new Error('lifecycle-thread-worker runs as a worker thread');
const data = workerData as LifecycleThreadData;
const stop = new Int32Array(data.stop);
const send = (message: FromThread) => port.postMessage(message);
const aborter = new AbortController();

let generating:
  | { resolve(r: GenerateResult): void; reject(e: Error): void; onProgress?: GenerateOptions['onProgress'] }
  | undefined;

port.on('message', (message: ToThread) => {
  if (message.type === 'stop') {
    if (!aborter.signal.aborted) aborter.abort('cancel');
  } else if (message.type === 'generate-progress') generating?.onProgress?.(message.done, message.total);
  else if (message.type === 'generated') generating?.resolve(message.result);
  else if (message.type === 'generate-failed') generating?.reject(fromThreadError(message.error));
});

function generateThere({ onProgress, ...options }: GenerateOptions): Promise<GenerateResult> {
  return new Promise<GenerateResult>((resolve, reject) => {
    generating = { resolve, reject, onProgress };
    send({ type: 'generate', options });
  }).finally(() => {
    generating = undefined;
  });
}

async function main(): Promise<void> {
  const pack = packOf(data.pack, generateThere);
  if (!pack) throw new FerryError('FERRY_ERR_INPUT', `Unknown pack '${JSON.stringify(data.pack)}' in the run thread`);
  const result = await runLifecycle({
    ...data.options,
    pack,
    now: () => new Date(Date.now() + data.clockOffsetMs),
    signal: aborter.signal,
    onEvent: (event) => {
      // A stop asked while this thread was busy is seen here, at the run's next progress event: the run is aborted, so
      // the lifecycle records it CANCELLED in the stage under way (never left RUNNING, nor an error).
      if (Atomics.load(stop, 0) === 1 && !aborter.signal.aborted) aborter.abort('cancel');
      send({ type: 'event', event });
    },
  });
  send({ type: 'done', result });
}

main().then(
  () => port.unref(),
  (e) => {
    send({ type: 'failed', error: toThreadError(e) });
    port.unref();
  },
);
