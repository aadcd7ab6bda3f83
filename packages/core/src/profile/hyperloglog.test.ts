import { describe, expect, it } from 'vitest';
import { HyperLogLog } from './hyperloglog.js';

describe('HyperLogLog', () => {
  it('counts a small set almost exactly (linear counting range)', () => {
    const hll = new HyperLogLog();
    for (let i = 0; i < 1000; i++) hll.add(`P${i}`);
    expect(Math.abs(hll.estimate() - 1000)).toBeLessThanOrEqual(10);
  });

  it('ignores repeats: adding the same values again leaves the estimate unchanged', () => {
    const hll = new HyperLogLog();
    for (let i = 0; i < 5000; i++) hll.add(String(i));
    const first = hll.estimate();
    for (let i = 0; i < 5000; i++) hll.add(String(i));
    expect(hll.estimate()).toBe(first);
  });

  it('estimates 300,000 distinct NHS-number-like strings within 2%', () => {
    const hll = new HyperLogLog();
    for (let i = 0; i < 300_000; i++) hll.add(String(9_990_000_000 + i * 7));
    const e = hll.estimate();
    expect(Math.abs(e - 300_000) / 300_000).toBeLessThan(0.02);
  });

  it('is order independent and deterministic', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    const values = Array.from({ length: 20_000 }, (_, i) => `v${i}`);
    for (const v of values) a.add(v);
    for (const v of [...values].reverse()) b.add(v);
    expect(a.estimate()).toBe(b.estimate());
  });

  it('rejects an out-of-range precision', () => {
    expect(() => new HyperLogLog(3)).toThrow(RangeError);
  });
});
