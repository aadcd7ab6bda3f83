import { createHash } from 'node:crypto';
import { FerryError } from '@ferry/core';

/** How password guessing is slowed: free failures per key kind, then delays that double up to a cap. */
export interface LoginThrottlePolicy {
  /** Failures of one account from one address before delays start (the config's `login.maxFailures`). */
  maxFailures: number;
  /** The longest delay, in minutes (the config's `login.lockoutMinutes`). */
  lockoutMinutes: number;
}

interface Entry {
  failures: number;
  /** Epoch ms before which an attempt on this key is refused. */
  until: number;
  touched: number;
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
 * than the cap. State is in this process's memory (bounded), like the rate limit.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: LoginThrottlePolicy,
    private readonly maxEntries = 100_000,
  ) {}

  /** The keys of a check of `email`'s password from `address` (the email is hashed: no addresses kept in memory). */
  keys(email: string, address: string): CheckKeys {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
    return { pair: `p:${account}:${address}`, account: `a:${account}`, address: `i:${address}` };
  }

  /** Throws FERRY_ERR_RATE_LIMITED (with the seconds to wait) while any of the check's keys is held back. */
  assertAllowed(keys: CheckKeys, now: Date): void {
    const until = Math.max(...Object.values(keys).map((k) => this.entries.get(k)?.until ?? 0));
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
  recordFailure(keys: CheckKeys, now: Date): void {
    const free = this.policy.maxFailures;
    this.bump(keys.pair, free, now);
    this.bump(keys.account, free * 4, now);
    this.bump(keys.address, free * 10, now);
  }

  /** A successful check clears the account's keys (not the address's: one right password proves nothing of others). */
  recordSuccess(keys: CheckKeys): void {
    this.entries.delete(keys.pair);
    this.entries.delete(keys.account);
  }

  private bump(key: string, free: number, now: Date): void {
    const t = now.getTime();
    const entry = this.entries.get(key) ?? { failures: 0, until: 0, touched: t };
    entry.failures++;
    entry.touched = t;
    const over = entry.failures - free + 1;
    if (over > 0) {
      const capMs = this.policy.lockoutMinutes * 60_000;
      entry.until = t + Math.min(capMs, 1000 * 2 ** Math.min(over - 1, 30));
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.forgetOldest(t);
  }

  /** Keeps memory bounded: drops the least recently failed keys beyond the cap, and keys idle for a day. */
  private forgetOldest(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && now - entry.touched < 86_400_000) break;
      this.entries.delete(key);
    }
  }
}
