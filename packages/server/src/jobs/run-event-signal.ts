import { EventEmitter } from 'node:events';

/**
 * Wakes the followers of a run in this process when it has a new event: the writer in this process calls `notify`,
 * and on PostgreSQL so does the LISTEN connection for events written by other processes.
 */
export class RunEventSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  notify(runId: string): void {
    this.emitter.emit(runId);
  }

  /** Resolves at the run's next event or after `ms`, whichever is first; `cancel` resolves it at once. */
  next(runId: string, ms: number): { done: Promise<void>; cancel: () => void } {
    const emitter = this.emitter;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = () => {
        clearTimeout(timer);
        emitter.off(runId, finish);
        resolve();
      };
    });
    const timer = setTimeout(finish, ms);
    emitter.once(runId, finish);
    return { done, cancel: finish };
  }
}
