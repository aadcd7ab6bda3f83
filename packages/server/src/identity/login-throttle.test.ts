import { describe, expect, it } from 'vitest';
import { LoginThrottle, MemoryThrottleStore } from './login-throttle.js';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

/** The seconds a throttle asks to wait, or 0 when it lets the check through. */
export async function waitOf(throttle: LoginThrottle, keys: ReturnType<LoginThrottle['keys']>, now: Date) {
  try {
    await throttle.assertAllowed(keys, now);
    return 0;
  } catch (e) {
    return (e as { context: { retryAfterSeconds: number } }).context.retryAfterSeconds;
  }
}

describe('LoginThrottle', () => {
  it('holds an account back after maxFailures from one address, doubling the delay up to the cap', async () => {
    const throttle = new LoginThrottle({ maxFailures: 2, lockoutMinutes: 1 });
    const keys = throttle.keys('Jo@Trust.nhs.uk', '10.0.0.1');
    await throttle.recordFailure(keys, at(0));
    expect(await waitOf(throttle, keys, at(0))).toBe(0);
    await throttle.recordFailure(keys, at(0));
    await expect(throttle.assertAllowed(keys, at(0))).rejects.toThrow('try again in 1 seconds');
    const waits: number[] = [];
    let t = 1;
    for (let i = 0; i < 8; i++) {
      await throttle.recordFailure(keys, at(t));
      waits.push(await waitOf(throttle, keys, at(t)));
      t += 100;
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('treats the email case-insensitively, other addresses separately, and clears the account on success', async () => {
    const throttle = new LoginThrottle({ maxFailures: 1, lockoutMinutes: 15 });
    const a = throttle.keys('jo@trust.nhs.uk', '10.0.0.1');
    await throttle.recordFailure(a, at(0));
    expect(await waitOf(throttle, throttle.keys('JO@trust.nhs.uk', '10.0.0.1'), at(0))).toBe(1);
    expect(await waitOf(throttle, throttle.keys('jo@trust.nhs.uk', '10.0.0.2'), at(0))).toBe(0);
    await throttle.recordSuccess(a);
    expect(await waitOf(throttle, a, at(0))).toBe(0);
  });

  it('holds an account back from every address after four times as many failures from many addresses', async () => {
    const throttle = new LoginThrottle({ maxFailures: 3, lockoutMinutes: 15 });
    for (let i = 0; i < 12; i++) await throttle.recordFailure(throttle.keys('jo@trust.nhs.uk', `10.0.1.${i}`), at(0));
    expect(await waitOf(throttle, throttle.keys('jo@trust.nhs.uk', '192.0.2.9'), at(0))).toBe(1);
    expect(await waitOf(throttle, throttle.keys('someone@else.uk', '192.0.2.9'), at(0))).toBe(0);
  });

  it('keeps at most maxEntries keys in memory', async () => {
    const store = new MemoryThrottleStore(30);
    const throttle = new LoginThrottle({ maxFailures: 3, lockoutMinutes: 15 }, store);
    for (let i = 0; i < 100; i++) await throttle.recordFailure(throttle.keys(`u${i}@x.uk`, '10.0.0.1'), at(i));
    expect((store as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(30);
  });
});
