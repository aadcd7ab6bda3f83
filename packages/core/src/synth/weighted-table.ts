import type { SeededRandom } from './seeded-random.js';

/**
 * A fixed list of values with relative weights, drawn in O(log n).
 *
 * @example
 * const sex = new WeightedTable([['F', 51], ['M', 49]]);
 * sex.pick(rng); // 'F' about 51% of the time
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('WeightedTable needs at least one entry');
    this.values = entries.map(([value]) => value);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0) || !Number.isFinite(weight))
        throw new RangeError(`Weight ${weight} is not a finite number >= 0`);
      total += weight;
      this.cumulative[i] = total;
    });
    if (total <= 0) throw new RangeError('WeightedTable weights add up to 0');
    this.total = total;
  }

  /** The values in their given order. */
  get all(): readonly T[] {
    return this.values;
  }

  /** Draws one value. */
  pick(rng: SeededRandom): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

/**
 * Draws one value from `[value, weight]` pairs without building a table (for one-off choices).
 *
 * @example
 * weightedChoice(rng, [['routine', 70], ['urgent', 25], ['2ww', 5]]);
 */
export function weightedChoice<T>(rng: SeededRandom, entries: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rng.next() * total;
  for (const [value, w] of entries) {
    if (x < w) return value;
    x -= w;
  }
  return entries[entries.length - 1]![0];
}
