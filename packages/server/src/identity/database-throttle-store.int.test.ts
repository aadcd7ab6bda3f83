import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantTransaction } from '../db/tenant-transaction.js';
import type { TestDatabase } from '../testing/test-database.js';
import { describeEachDialect } from '../testing/test-database.js';
import { DatabaseThrottleStore } from './database-throttle-store.js';
import { LoginThrottle } from './login-throttle.js';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);
const policy = { maxFailures: 2, lockoutMinutes: 1 };

async function waitOf(throttle: LoginThrottle, keys: ReturnType<LoginThrottle['keys']>, now: Date) {
  try {
    await throttle.assertAllowed(keys, now);
    return 0;
  } catch (e) {
    return (e as { context: { retryAfterSeconds: number } }).context.retryAfterSeconds;
  }
}

/**
 * The login throttle in the platform database: two server processes (two throttles on one database) count the same
 * failures with the same growing delays, a restarted one forgets nothing, and failures sent at once are all counted.
 */
await describeEachDialect('login throttle in the platform database', (dialect) => {
  let database: TestDatabase;
  const process = () => new LoginThrottle(policy, new DatabaseThrottleStore(database.db));
  const rows = () =>
    tenantTransaction(database.db, { orgId: null, userId: null, platformAccess: false }, (tx) =>
      tx.run.query<{ key: string; failures: number }>('SELECT key, failures FROM login_throttle ORDER BY key'),
    );

  beforeAll(async () => {
    database = await dialect.open({ migrated: true });
  }, 180_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('shares the counts between processes and keeps them across a restart, with the same growing delays', async () => {
    const one = process();
    const two = process();
    const keys = one.keys('Jo@Trust.nhs.uk', '10.0.0.1');
    await one.recordFailure(keys, at(0));
    expect(await waitOf(two, keys, at(0))).toBe(0);
    await two.recordFailure(keys, at(0));
    expect(await waitOf(one, keys, at(0))).toBe(1);
    const waits: number[] = [];
    let t = 1;
    for (let i = 0; i < 8; i++) {
      await (i % 2 ? one : two).recordFailure(keys, at(t));
      waits.push(await waitOf(process(), keys, at(t)));
      t += 100;
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    // Only hashes of the email are stored, never the email itself.
    expect(JSON.stringify(await rows())).not.toMatch(/jo@trust/i);
    await process().recordSuccess(keys);
    expect(await waitOf(one, keys, at(t))).toBe(0);
    // The address's key stays (one right password proves nothing of the others tried from there).
    expect((await rows()).map((r) => [r.key.slice(0, 2), Number(r.failures)])).toEqual([['i:', 10]]);
  });

  it('counts every one of failures sent at once to several processes', async () => {
    const throttles = [process(), process(), process()];
    const keys = throttles[0]!.keys('burst@trust.nhs.uk', '10.9.9.9');
    await Promise.all(Array.from({ length: 9 }, (_, i) => throttles[i % 3]!.recordFailure(keys, at(2000))));
    const counts = Object.fromEntries((await rows()).map((r) => [r.key.slice(0, 2), Number(r.failures)]));
    expect(counts['p:']).toBe(9);
    expect(counts['a:']).toBe(9);
    expect(await waitOf(throttles[1]!, keys, at(2000))).toBe(60);
  });

  it('deletes keys idle for a day as new failures arrive', async () => {
    const throttle = process();
    await throttle.recordFailure(throttle.keys('late@trust.nhs.uk', '10.1.1.1'), at(2000 + 2 * 86_400));
    const keys = (await rows()).map((r) => r.key.slice(0, 2));
    expect(keys).toEqual(['a:', 'i:', 'p:']);
  });
});
