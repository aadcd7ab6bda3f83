import type { GenerateOptions, GenerateResult, LifecycleEvent, LifecycleOptions, LifecycleResult } from '@ferry/core';
import { FerryError, type FerryErrorCode, isFerryError } from '@ferry/core';
import type { PackTransfer } from './pack-transfer.js';

/** The lifecycle options that cross to a run thread (everything but the pack, the clock and the callbacks). */
export type ThreadLifecycleOptions = Omit<LifecycleOptions, 'pack' | 'now' | 'onEvent' | 'signal'>;

/** What a run thread starts with. */
export interface LifecycleThreadData {
  pack: PackTransfer;
  options: ThreadLifecycleOptions;
  /** The caller's clock minus the thread's (`Date.now()`), so that the run's timestamps follow the caller's clock. */
  clockOffsetMs: number;
  /** Int32 slot 0 becomes 1 when the run is to stop: read at every progress event, even while the thread is busy. */
  stop: SharedArrayBuffer;
}

/** An error as it crosses between threads: a Ferry error keeps its code, context and issues. */
export type ThreadError =
  | { ferry: true; code: string; message: string; context: FerryError['context']; issues: FerryError['issues'] }
  | { ferry: false; message: string; stack?: string };

export type FromThread =
  | { type: 'event'; event: LifecycleEvent }
  | { type: 'generate'; options: Omit<GenerateOptions, 'onProgress'> }
  | { type: 'done'; result: LifecycleResult }
  | { type: 'failed'; error: ThreadError };

export type ToThread =
  | { type: 'generate-progress'; done: number; total: number }
  | { type: 'generated'; result: GenerateResult }
  | { type: 'generate-failed'; error: ThreadError }
  | { type: 'stop' };

export function toThreadError(e: unknown): ThreadError {
  if (isFerryError(e)) return { ferry: true, code: e.code, message: e.message, context: e.context, issues: e.issues };
  if (e instanceof Error) return { ferry: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { ferry: false, message: String(e) };
}

export function fromThreadError(e: ThreadError): Error {
  if (e.ferry) return new FerryError(e.code as FerryErrorCode, e.message, e.context, { issues: e.issues });
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}
