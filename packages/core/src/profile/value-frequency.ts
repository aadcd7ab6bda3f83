import { compareCodeUnits } from './code-unit-order.js';
import { HyperLogLog } from './hyperloglog.js';
import { ownCopy } from './own-copy.js';
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
  /** Value -> slot in `counts`, while counting exactly. */
  private exact: Map<string, number> | undefined = new Map();
  private counts = new Uint32Array(1024);
  private hll: HyperLogLog | undefined;
  private sketch: SpaceSaving | undefined;

  constructor(private readonly options: ValueFrequencyOptions) {}

  /** True when the last `add` saw its value for the first time (while counting exactly). */
  lastWasNew = false;

  /**
   * Counts a value. Returns its slot (0, 1, 2... in order of first appearance) while counting exactly, so a
   * caller can keep per-value facts beside it; -1 once the sketches have taken over.
   */
  add(value: string): number {
    const exact = this.exact;
    if (!exact) {
      this.hll!.add(value);
      this.sketch!.add(value);
      this.lastWasNew = false;
      return -1;
    }
    const slot = exact.get(value);
    if (slot !== undefined) {
      this.counts[slot]!++;
      this.lastWasNew = false;
      return slot;
    }
    if (exact.size >= this.options.exactDistinctCap) {
      this.switchToSketches(exact);
      return this.add(value);
    }
    const next = exact.size;
    if (next === this.counts.length) this.grow();
    exact.set(ownCopy(value), next);
    this.counts[next] = 1;
    this.lastWasNew = true;
    return next;
  }

  private grow(): void {
    const bigger = new Uint32Array(this.counts.length * 2);
    bigger.set(this.counts);
    this.counts = bigger;
  }

  private exactCounts(exact: Map<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const [value, slot] of exact) out.set(value, this.counts[slot]!);
    return out;
  }

  private switchToSketches(exact: Map<string, number>): void {
    const hll = new HyperLogLog();
    for (const value of exact.keys()) hll.add(value);
    this.hll = hll;
    this.sketch = SpaceSaving.fromCounts(this.exactCounts(exact), this.options.sketchCapacity);
    this.exact = undefined;
    this.counts = new Uint32Array(0);
  }

  /** The distinct count and the `topN` most frequent values seen at least `threshold` times. */
  summary(topN: number, threshold: number): FrequencySummary {
    if (this.exact) {
      const frequent: ValueCount[] = [];
      for (const [value, slot] of this.exact) {
        const count = this.counts[slot]!;
        if (count >= threshold) frequent.push({ value, count });
      }
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
