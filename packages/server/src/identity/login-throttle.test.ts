import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe('LoginThrottle', () => {
  it('holds an account back after maxFailures from one address, doubling the delay up to the cap', () => {
    const throttle = new LoginThrottle({ maxFailures: 2, lockoutMinutes: 1 });
    const keys = throttle.keys('Jo@Trust.nhs.uk', '10.0.0.1');
    throttle.recordFailure(keys, at(0));
    expect(() => throttle.assertAllowed(keys, at(0))).not.toThrow();
    throttle.recordFailure(keys, at(0));
    expect(() => throttle.assertAllowed(keys, at(0))).toThrow('try again in 1 seconds');
    const waits: number[] = [];
    let t = 1;
    for (let i = 0; i < 8; i++) {
      throttle.recordFailure(keys, at(t));
      try {
        throttle.assertAllowed(keys, at(t));
      } catch (e) {
        waits.push((e as { context: { retryAfterSeconds: number } }).context.retryAfterSeconds);
      }
      t += 100;
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('treats the email case-insensitively, other addresses separately, and clears the account on success', () => {
    const throttle = new LoginThrottle({ maxFailures: 1, lockoutMinutes: 15 });
    const a = throttle.keys('jo@trust.nhs.uk', '10.0.0.1');
    throttle.recordFailure(a, at(0));
    expect(() => throttle.assertAllowed(throttle.keys('JO@trust.nhs.uk', '10.0.0.1'), at(0))).toThrow();
    expect(() => throttle.assertAllowed(throttle.keys('jo@trust.nhs.uk', '10.0.0.2'), at(0))).not.toThrow();
    throttle.recordSuccess(a);
    expect(() => throttle.assertAllowed(a, at(0))).not.toThrow();
  });

  it('holds an account back from every address after four times as many failures from many addresses', () => {
    const throttle = new LoginThrottle({ maxFailures: 3, lockoutMinutes: 15 });
    for (let i = 0; i < 12; i++) throttle.recordFailure(throttle.keys('jo@trust.nhs.uk', `10.0.1.${i}`), at(0));
    expect(() => throttle.assertAllowed(throttle.keys('jo@trust.nhs.uk', '192.0.2.9'), at(0))).toThrow();
    expect(() => throttle.assertAllowed(throttle.keys('someone@else.uk', '192.0.2.9'), at(0))).not.toThrow();
  });

  it('keeps at most maxEntries keys', () => {
    const throttle = new LoginThrottle({ maxFailures: 3, lockoutMinutes: 15 }, 30);
    for (let i = 0; i < 100; i++) throttle.recordFailure(throttle.keys(`u${i}@x.uk`, '10.0.0.1'), at(i));
    expect((throttle as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(30);
  });
});
