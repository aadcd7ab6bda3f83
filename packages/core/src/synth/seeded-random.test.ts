import { describe, expect, it } from 'vitest';
import { deriveSeed, SeededRandom } from './seeded-random.js';
import { WeightedTable, weightedChoice } from './weighted-table.js';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    const seqB = Array.from({ length: 20 }, () => b.nextUint32());
    const seqC = Array.from({ length: 20 }, () => c.nextUint32());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('pins the first values of seed 1 so that a change to the algorithm is noticed', () => {
    const r = new SeededRandom(1);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([24724473, 838574162, 2522700496]);
  });

  it('derives streams that depend on the seed and labels, not on draws already made', () => {
    const root = new SeededRandom(7);
    const first = root.derive('patient', 3).nextUint32();
    root.nextUint32();
    root.nextUint32();
    expect(root.derive('patient', 3).nextUint32()).toBe(first);
    expect(root.derive('patient', 4).nextUint32()).not.toBe(first);
    expect(deriveSeed(7, 'patient', 3)).toBe(deriveSeed(7, 'patient', 3));
    expect(deriveSeed(7, 'a', 'b')).not.toBe(deriveSeed(7, 'ab'));
    expect(deriveSeed(7, 1)).not.toBe(deriveSeed(7, '1x'));
  });

  it('keeps int() inside its bounds and reaches both ends', () => {
    const r = new SeededRandom(5);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });

  it('has a roughly uniform next() (mean near 0.5) and a poisson() near its mean', () => {
    const r = new SeededRandom(9);
    let sum = 0;
    let pois = 0;
    for (let i = 0; i < 20000; i++) {
      sum += r.next();
      pois += r.poisson(2);
    }
    expect(sum / 20000).toBeGreaterThan(0.48);
    expect(sum / 20000).toBeLessThan(0.52);
    expect(pois / 20000).toBeGreaterThan(1.9);
    expect(pois / 20000).toBeLessThan(2.1);
  });

  it('shuffles into a permutation', () => {
    const r = new SeededRandom(11);
    const out = r.shuffle([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('WeightedTable', () => {
  it('draws values in proportion to their weights and never a zero-weight value', () => {
    const table = new WeightedTable([
      ['a', 1],
      ['never', 0],
      ['b', 3],
    ]);
    const r = new SeededRandom(3);
    const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8000; i++) counts[table.pick(r)]!++;
    expect(counts.never).toBe(0);
    expect(counts.b! / counts.a!).toBeGreaterThan(2.6);
    expect(counts.b! / counts.a!).toBeLessThan(3.4);
  });

  it('refuses empty tables and bad weights', () => {
    expect(() => new WeightedTable([])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', -1]])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', 0]])).toThrow(RangeError);
  });

  it('weightedChoice picks only positive-weight values', () => {
    const r = new SeededRandom(4);
    for (let i = 0; i < 200; i++)
      expect(
        weightedChoice(r, [
          ['x', 0],
          ['y', 1],
        ]),
      ).toBe('y');
  });
});
