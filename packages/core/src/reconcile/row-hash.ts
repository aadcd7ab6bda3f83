import { createHash } from 'node:crypto';

/** Content hash of a row's mapped values (hex, 128 bits). NULL and blank hash the same: both are ''. */
export function rowHash(values: readonly string[]): string {
  return createHash('sha256').update(values.join('\u001f')).digest('hex').slice(0, 32);
}

/**
 * An order-independent digest of a bag of row hashes (for per-patient comparison): row count plus the XOR and the
 * sum (mod 2^32) of two 32-bit words of each hash.
 */
export class BagDigest {
  rows = 0;
  private xorHigh = 0;
  private xorLow = 0;
  private sumHigh = 0;
  private sumLow = 0;

  add(hash: string): void {
    const high = Number.parseInt(hash.slice(0, 8), 16);
    const low = Number.parseInt(hash.slice(8, 16), 16);
    this.rows++;
    this.xorHigh ^= high;
    this.xorLow ^= low;
    this.sumHigh = (this.sumHigh + high) >>> 0;
    this.sumLow = (this.sumLow + low) >>> 0;
  }

  equals(other: BagDigest): boolean {
    return (
      this.rows === other.rows &&
      this.xorHigh === other.xorHigh &&
      this.xorLow === other.xorLow &&
      this.sumHigh === other.sumHigh &&
      this.sumLow === other.sumLow
    );
  }
}
