import type { SqlDatabase, SqlExecutor } from '@ferry/core';

/**
 * Keeps two processes from migrating the same schema at once: `run` holds the lock while `fn` runs in one
 * transaction, and throws FERRY_ERR_MIGRATION_LOCKED when it cannot get the lock in time.
 */
export interface MigrationLock {
  run<T>(db: SqlDatabase, fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** How long to wait for the lock, and how often to try. */
export interface LockWait {
  waitMs: number;
  pollMs: number;
}

export const defaultLockWait: LockWait = { waitMs: 10_000, pollMs: 200 };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
