import { FerryError, type SqlDatabase, type SqlExecutor } from '@ferry/core';
import { defaultLockWait, type LockWait, type MigrationLock, sleep } from './migration-lock.js';

/** The lock table: at most one row, naming who holds the lock and until when. */
export const lockTable = 'ferry_schema_lock';

/** Options of the row lock: who we are, how long a lock stays valid without its holder, how long to wait. */
export interface RowLockOptions extends LockWait {
  holder: string;
  /** A lock older than this is stale (its holder died) and is taken over. */
  staleAfterMs: number;
}

/**
 * A lock row with stale-lock takeover, for the embedded PGlite (and any PostgreSQL): taking it is one committed
 * upsert that succeeds only when there is no row or the row has expired; releasing deletes our row.
 *
 * @example
 * await new RowMigrationLock({ holder: `pid ${process.pid}` }).run(db, async (tx) => applyPending(tx));
 */
export class RowMigrationLock implements MigrationLock {
  private readonly options: RowLockOptions;

  constructor(options: Partial<RowLockOptions> & { holder: string }) {
    this.options = { ...defaultLockWait, staleAfterMs: 10 * 60_000, ...options };
  }

  async run<T>(db: SqlDatabase, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    await db.exec(`CREATE TABLE IF NOT EXISTS ${lockTable} (
      id integer PRIMARY KEY CHECK (id = 1),
      holder text NOT NULL,
      acquired_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`);
    await this.acquire(db);
    try {
      return await db.transaction(fn);
    } finally {
      await db.query(`DELETE FROM ${lockTable} WHERE id = 1 AND holder = $1`, [this.options.holder]);
    }
  }

  private async acquire(db: SqlDatabase): Promise<void> {
    const { holder, staleAfterMs, waitMs, pollMs } = this.options;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const taken = await db.query(
        `INSERT INTO ${lockTable} (id, holder, acquired_at, expires_at)
         VALUES (1, $1, now(), now() + $2 * interval '1 millisecond')
         ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at,
           expires_at = excluded.expires_at
         WHERE ${lockTable}.expires_at < now()
         RETURNING holder`,
        [holder, staleAfterMs],
      );
      if (taken.length) return;
      if (Date.now() >= deadline) {
        const [current] = await db.query<{ holder: string; acquired_at: Date }>(
          `SELECT holder, acquired_at FROM ${lockTable} WHERE id = 1`,
        );
        const since = current ? new Date(current.acquired_at).toISOString() : 'unknown';
        throw new FerryError(
          'FERRY_ERR_MIGRATION_LOCKED',
          `The migration lock is held by '${current?.holder ?? 'unknown'}' since ${since}; it is taken over once stale (${staleAfterMs} ms)`,
        );
      }
      await sleep(pollMs);
    }
  }
}
