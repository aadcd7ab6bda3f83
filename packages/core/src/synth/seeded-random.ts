/**
 * Mixes a 32-bit integer (the murmur3 finaliser): every input bit affects every output bit.
 *
 * @example
 * mix32(1) !== mix32(2) // => true
 */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashLabel(label: string | number): number {
  if (typeof label === 'number') {
    // Integers up to 2^53 keep both halves; other numbers hash by their text.
    if (Number.isSafeInteger(label)) return mix32((label >>> 0) ^ mix32(Math.floor(label / 0x100000000) + 0x9e3779b9));
    label = String(label);
  }
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * Derives an independent 32-bit seed from a seed and a path of labels, so that each patient (or table, or
 * reference list) gets its own stream and adding draws to one never shifts another.
 *
 * @example
 * deriveSeed(42, 'patient', 7) // the same number on every run and machine
 */
export function deriveSeed(seed: number, ...labels: ReadonlyArray<string | number>): number {
  let h = mix32((seed >>> 0) ^ 0x5bd1e995);
  for (const label of labels) h = mix32(Math.imul(h ^ hashLabel(label), 0x9e3779b1) + 0x7f4a7c15);
  return h >>> 0;
}

/**
 * A small, fast, seeded pseudo-random generator (sfc32, 128-bit state) for synthetic data.
 * Not for anything secret. Streams are split with `derive`, which depends only on the seed this
 * generator was created with, never on how many numbers it has produced.
 *
 * @example
 * const root = new SeededRandom(42);
 * const rng = root.derive('patient', 1);
 * rng.int(1, 6); // a die roll, the same every run
 */
export class SeededRandom {
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = this.seed;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A new generator for a sub-stream named by labels. */
  derive(...labels: ReadonlyArray<string | number>): SeededRandom {
    return new SeededRandom(deriveSeed(this.seed, ...labels));
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A normally distributed number (Box-Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An exponentially distributed number with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A Poisson-distributed count (Knuth; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** A new array with the items in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}
