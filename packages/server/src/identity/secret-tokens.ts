import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** sha256 of a secret, hex: what the database stores instead of a session or API token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * A new random secret with a recognisable prefix (`fs` session, `fpt` personal API token, `fcsrf` CSRF token,
 * `fpc` password code),
 * 256 bits of randomness, and its hash.
 *
 * @example
 * const { secret, hash } = newSecret('fpt'); // secret 'fpt_3q2+...', hash '9f86d0...'
 */
export function newSecret(prefix: 'fs' | 'fpt' | 'fcsrf' | 'fpc'): { secret: string; hash: string } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}
