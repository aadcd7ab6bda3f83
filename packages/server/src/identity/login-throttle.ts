import { createHash } from 'node:crypto';
import { FerryError } from '@ferry/core';

/** How password guessing is slowed: free failures per key kind, then delays that double up to a cap. */
export interface LoginThrottlePolicy {
  /** Failures of one account from one address before delays start (the config's `login.maxFailures`). */
  maxFailures: number;
  /** The longest delay, in minutes (the config's `login.lockoutMinutes`). */
  lockoutMinutes: number;
}

/** Where the throttle keeps its counts: this process's memory, or the platform database (shared, kept). */
export interface LoginThrottleStore {
  /** The latest time (epoch ms) before which any of `keys` is held back; 0 when none is. */
  heldUntil(keys: readonly string[]): Promise<number>;
  /**
   * Counts one failure against `key` and returns the new count; `holdFor(failures)` gives how long (ms) the key is
   * then held back from `now` (0: not at all). Atomic per key, so processes sharing a store count every failure.
   */
  fail(key: string, now: Date, holdFor: (failures: number) => number): Promise<void>;
  forget(keys: readonly string[]): Promise<void>;
}

interface Entry {
  failures: number;
  /** Epoch ms before which an attempt on this key is refused. */
  until: number;
  touched: number;
}

/** Counts in this process's memory (bounded): tests, and servers that were given no database store. */
export class MemoryThrottleStore implements LoginThrottleStore {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly maxEntries = 100_000) {}

  async heldUntil(keys: readonly string[]): Promise<number> {
    return Math.max(0, ...keys.map((k) => this.entries.get(k)?.until ?? 0));
  }

  async fail(key: string, now: Date, holdFor: (failures: number) => number): Promise<void> {
    const t = now.getTime();
    const entry = this.entries.get(key) ?? { failures: 0, until: 0, touched: t };
    entry.failures++;
    entry.touched = t;
    const hold = holdFor(entry.failures);
    if (hold > 0) entry.until = t + hold;
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Keeps memory bounded: drops the least recently failed keys beyond the cap, and keys idle for a day.
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && t - e.touched < 86_400_000) break;
      this.entries.delete(k);
    }
  }

  async forget(keys: readonly string[]): Promise<void> {
    for (const k of keys) this.entries.delete(k);
  }
}

/** Keys of one password check: the account from this address, the account from anywhere, the address alone. */
interface CheckKeys {
  pair: string;
  account: string;
  address: string;
}

/**
 * Slows password guessing without locking anyone out and without telling accounts apart: every password check
 * (sign-in, password change, TOTP disable) counts failures per account-and-address, per account and per address,
 * and once a key is past its free failures each further attempt waits twice as long as the last, up to the cap.
 * A key's state depends only on the email as typed and the address, never on whether the account exists, so unknown
 * and real accounts get the same answers. The account-wide and address-wide keys allow several times more failures
 * than the pair, so a guesser from elsewhere slows the owner's sign-in only after many tries, and never for longer
 * than the cap. The counts live in a `LoginThrottleStore`: the platform database's `login_throttle` table on a server
 * (shared by its processes, kept across restarts), or memory.
 */
export class LoginThrottle {
  constructor(
    private readonly policy: LoginThrottlePolicy,
    private readonly store: LoginThrottleStore = new MemoryThrottleStore(),
  ) {}

  /** The keys of a check of `email`'s password from `address` (the email is hashed: no addresses kept in memory). */
  keys(email: string, address: string): CheckKeys {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
    return { pair: `p:${account}:${address}`, account: `a:${account}`, address: `i:${address}` };
  }

  /** Throws FERRY_ERR_RATE_LIMITED (with the seconds to wait) while any of the check's keys is held back. */
  async assertAllowed(keys: CheckKeys, now: Date): Promise<void> {
    const until = await this.store.heldUntil(Object.values(keys));
    const waitMs = until - now.getTime();
    if (waitMs > 0) {
      throw new FerryError(
        'FERRY_ERR_RATE_LIMITED',
        `Too many failed password attempts: try again in ${Math.ceil(waitMs / 1000)} seconds`,
        { retryAfterSeconds: Math.ceil(waitMs / 1000) },
      );
    }
  }

  /** Counts a failed check against each key, holding back those past their free failures. */
  async recordFailure(keys: CheckKeys, now: Date): Promise<void> {
    const free = this.policy.maxFailures;
    await this.store.fail(keys.pair, now, this.delay(free));
    await this.store.fail(keys.account, now, this.delay(free * 4));
    await this.store.fail(keys.address, now, this.delay(free * 10));
  }

  /** A successful check clears the account's keys (not the address's: one right password proves nothing of others). */
  async recordSuccess(keys: CheckKeys): Promise<void> {
    await this.store.forget([keys.pair, keys.account]);
  }

  /** How long a key with `failures` is held back: nothing within `free`, then 1 s doubling up to the cap. */
  private delay(free: number): (failures: number) => number {
    const capMs = this.policy.lockoutMinutes * 60_000;
    return (failures) => {
      const over = failures - free + 1;
      return over > 0 ? Math.min(capMs, 1000 * 2 ** Math.min(over - 1, 30)) : 0;
    };
  }
}
