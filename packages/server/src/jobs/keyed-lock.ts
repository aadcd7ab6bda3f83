/**
 * Runs tasks one at a time per key within this process (others keys run freely), e.g. so that two rollbacks never
 * open the same embedded target database at once.
 *
 * @example
 * const lock = new KeyedLock();
 * await lock.run(projectId, () => rollbackJob(db, jobId));
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.catch(() => undefined).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
