import { createHash } from 'node:crypto';

/** Content hash of a row's mapped values (hex, 128 bits). NULL and blank hash the same: both are ''. */
export function rowHash(values: readonly string[]): string {
  return createHash('sha256').update(values.join('\u001f')).digest('hex').slice(0, 32);
}

/**
 * An order-independent digest of a bag of row hashes (for per-patient comparison): row count plus the XOR and the
 * sum (mod 2^64) of the hashes' first 64 bits.
 */
export class BagDigest {
  rows = 0;
  private xor = 0n;
  private sum = 0n;

  add(hash: string): void {
    const v = BigInt(`0x${hash.slice(0, 16)}`);
    this.rows++;
    this.xor ^= v;
    this.sum = (this.sum + v) & 0xffff_ffff_ffff_ffffn;
  }

  equals(other: BagDigest): boolean {
    return this.rows === other.rows && this.xor === other.xor && this.sum === other.sum;
  }
}
