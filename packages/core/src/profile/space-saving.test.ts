import { describe, expect, it } from 'vitest';
import { SpaceSaving } from './space-saving.js';

describe('SpaceSaving', () => {
  it('counts exactly while the number of distinct values fits', () => {
    const s = new SpaceSaving(3);
    for (const v of ['A', 'B', 'A', 'C', 'A', 'B']) s.add(v);
    const byValue = Object.fromEntries(s.items().map((i) => [i.value, [i.count, i.error]]));
    expect(byValue).toEqual({ A: [3, 0], B: [2, 0], C: [1, 0] });
  });

  it('replaces the least-counted value and records the inherited count as error', () => {
    const s = new SpaceSaving(2);
    for (const v of ['A', 'A', 'A', 'B', 'C']) s.add(v);
    const byValue = Object.fromEntries(s.items().map((i) => [i.value, [i.count, i.error]]));
    expect(byValue).toEqual({ A: [3, 0], C: [2, 1] });
  });

  it('keeps frequent values with a lower bound that never exceeds the true count', () => {
    const s = new SpaceSaving(50);
    const truth = new Map<string, number>();
    // Five codes seen 1,000 times each among 20,000 unique values: above N/k = 25,000/50, so guaranteed kept.
    for (let i = 0; i < 20_000; i++) {
      const values = [`U${i}`];
      if (i % 4 === 0) values.push(`CODE${i % 20}`);
      for (const v of values) {
        s.add(v);
        truth.set(v, (truth.get(v) ?? 0) + 1);
      }
    }
    for (const item of s.items()) {
      expect(item.count - item.error).toBeLessThanOrEqual(truth.get(item.value)!);
      expect(item.count).toBeGreaterThanOrEqual(truth.get(item.value)!);
    }
    const tracked = new Set(s.items().map((i) => i.value));
    for (const code of ['CODE0', 'CODE4', 'CODE8', 'CODE12', 'CODE16']) expect(tracked.has(code)).toBe(true);
  });

  it('starts from exact counts keeping the most frequent values', () => {
    const s = SpaceSaving.fromCounts(
      new Map([
        ['X', 1],
        ['Y', 9],
        ['Z', 4],
      ]),
      2,
    );
    expect(
      s
        .items()
        .map((i) => i.value)
        .sort(),
    ).toEqual(['Y', 'Z']);
  });
});
