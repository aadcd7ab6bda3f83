import type { SqlDatabase } from '@ferry/core';
import { tenantTransaction } from '../db/tenant-transaction.js';
import type { LoginThrottleStore } from './login-throttle.js';

const platformScope = { orgId: null, userId: null, platformAccess: false } as const;

/**
 * The login throttle's counts in the platform database (`login_throttle`): every server process sees the same
 * counts, and a restart forgets none. A failure is counted under a row lock, so failures sent to several processes at
 * once are all counted. Keys idle for a day are deleted as failures arrive.
 *
 * @example
 * const throttle = new LoginThrottle(config.login, new DatabaseThrottleStore(db));
 */
export class DatabaseThrottleStore implements LoginThrottleStore {
  constructor(private readonly db: SqlDatabase) {}

  async heldUntil(keys: readonly string[]): Promise<number> {
    const [row] = await tenantTransaction(this.db, platformScope, (tx) =>
      tx.run.query<{ until: Date | string | null }>(
        'SELECT max(held_until) AS until FROM login_throttle WHERE key = ANY($1)',
        [[...keys]],
      ),
    );
    return row?.until ? new Date(row.until).getTime() : 0;
  }

  async fail(key: string, now: Date, holdFor: (failures: number) => number): Promise<void> {
    await tenantTransaction(this.db, platformScope, async (tx) => {
      await tx.run.query(
        `INSERT INTO login_throttle (key, failures, held_until, touched_at) VALUES ($1, 0, NULL, $2)
         ON CONFLICT (key) DO NOTHING`,
        [key, now.toISOString()],
      );
      const [row] = await tx.run.query<{ failures: number; held_until: Date | string | null }>(
        'SELECT failures, held_until FROM login_throttle WHERE key = $1 FOR UPDATE',
        [key],
      );
      const failures = Number(row!.failures) + 1;
      const hold = holdFor(failures);
      const until = hold > 0 ? new Date(now.getTime() + hold).toISOString() : row!.held_until;
      await tx.run.query('UPDATE login_throttle SET failures = $2, held_until = $3, touched_at = $4 WHERE key = $1', [
        key,
        failures,
        until === null ? null : new Date(until).toISOString(),
        now.toISOString(),
      ]);
      await tx.run.query('DELETE FROM login_throttle WHERE touched_at < $1', [
        new Date(now.getTime() - 86_400_000).toISOString(),
      ]);
    });
  }

  async forget(keys: readonly string[]): Promise<void> {
    await tenantTransaction(this.db, platformScope, (tx) =>
      tx.run.query('DELETE FROM login_throttle WHERE key = ANY($1)', [[...keys]]),
    );
  }
}
