import { compareCodeUnits } from './code-unit-order.js';
import { HyperLogLog } from './hyperloglog.js';
import { SpaceSaving } from './space-saving.js';

/** A value shown in a profile: seen at least `smallCellThreshold` times. */
export interface ValueCount {
  value: string;
  count: number;
}

/** Distinct count and top values of one column, with small-cell suppression applied. */
export interface FrequencySummary {
  distinct: number;
  distinctIsEstimate: boolean;
  /** Most frequent values, count descending then value; only values seen at least `threshold` times. */
  topValues: ValueCount[];
  /** True when counts come from the heavy-hitters sketch; each shown count is then a guaranteed lower bound. */
  topValuesAreApproximate: boolean;
  /** How many distinct values were hidden because they were (or may have been) seen fewer than `threshold` times. */
  suppressed: number;
}

export interface ValueFrequencyOptions {
  /** Distinct values counted exactly before switching to HyperLogLog + Space-Saving. */
  exactDistinctCap: number;
  /** Values the heavy-hitters sketch tracks after the switch. */
  sketchCapacity: number;
}

/**
 * Counts values exactly up to `exactDistinctCap` distinct values, then switches to fixed memory:
 * a HyperLogLog for the distinct count and a Space-Saving sketch for the frequent values.
 *
 * @example
 * const f = new ValueFrequency({ exactDistinctCap: 100_000, sketchCapacity: 1000 });
 * for (const v of ['M', 'F', 'M']) f.add(v);
 * f.summary(10, 5); // { distinct: 2, topValues: [], suppressed: 2, ... }
 */
export class ValueFrequency {
  private exact: Map<string, number> | undefined = new Map();
  private hll: HyperLogLog | undefined;
  private sketch: SpaceSaving | undefined;

  constructor(private readonly options: ValueFrequencyOptions) {}

  add(value: string): void {
    const exact = this.exact;
    if (exact) {
      const count = exact.get(value);
      if (count !== undefined) exact.set(value, count + 1);
      else if (exact.size < this.options.exactDistinctCap) exact.set(value, 1);
      else {
        this.switchToSketches(exact);
        this.add(value);
      }
      return;
    }
    this.hll!.add(value);
    this.sketch!.add(value);
  }

  private switchToSketches(exact: Map<string, number>): void {
    const hll = new HyperLogLog();
    for (const value of exact.keys()) hll.add(value);
    this.hll = hll;
    this.sketch = SpaceSaving.fromCounts(exact, this.options.sketchCapacity);
    this.exact = undefined;
  }

  /** The distinct count and the `topN` most frequent values seen at least `threshold` times. */
  summary(topN: number, threshold: number): FrequencySummary {
    if (this.exact) {
      const frequent: ValueCount[] = [];
      for (const [value, count] of this.exact) if (count >= threshold) frequent.push({ value, count });
      return {
        distinct: this.exact.size,
        distinctIsEstimate: false,
        topValues: rank(frequent).slice(0, topN),
        topValuesAreApproximate: false,
        suppressed: this.exact.size - frequent.length,
      };
    }
    const frequent: ValueCount[] = [];
    for (const item of this.sketch!.items()) {
      const atLeast = item.count - item.error;
      if (atLeast >= threshold) frequent.push({ value: item.value, count: atLeast });
    }
    const distinct = Math.max(this.hll!.estimate(), frequent.length);
    return {
      distinct,
      distinctIsEstimate: true,
      topValues: rank(frequent).slice(0, topN),
      topValuesAreApproximate: true,
      suppressed: distinct - frequent.length,
    };
  }
}

function rank(values: ValueCount[]): ValueCount[] {
  return values.sort((a, b) => b.count - a.count || compareCodeUnits(a.value, b.value));
}
