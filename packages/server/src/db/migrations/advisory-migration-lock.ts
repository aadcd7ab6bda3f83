import { FerryError, type SqlDatabase, type SqlExecutor } from '@ferry/core';
import { defaultLockWait, type LockWait, type MigrationLock, sleep } from './migration-lock.js';

/**
 * PostgreSQL's transaction-scoped advisory lock, keyed by the schema being migrated. The server releases it when the
 * transaction ends, so a killed process never leaves it behind.
 *
 * @example
 * await new AdvisoryMigrationLock().run(db, async (tx) => applyPending(tx));
 */
export class AdvisoryMigrationLock implements MigrationLock {
  constructor(private readonly wait: LockWait = defaultLockWait) {}

  run<T>(db: SqlDatabase, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return db.transaction(async (tx) => {
      const deadline = Date.now() + this.wait.waitMs;
      for (;;) {
        const [row] = await tx.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_xact_lock(hashtextextended('ferry.migrate.' || current_schema(), 0)) AS locked`,
        );
        if (row?.locked) break;
        if (Date.now() >= deadline) {
          throw new FerryError(
            'FERRY_ERR_MIGRATION_LOCKED',
            `Another process is migrating this database (advisory lock held for more than ${this.wait.waitMs} ms)`,
          );
        }
        await sleep(this.wait.pollMs);
      }
      return fn(tx);
    });
  }
}
