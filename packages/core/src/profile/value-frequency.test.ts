import { describe, expect, it } from 'vitest';
import { ValueFrequency } from './value-frequency.js';

const exactOptions = { exactDistinctCap: 100_000, sketchCapacity: 100 };

describe('ValueFrequency', () => {
  it('never shows a value seen fewer times than the threshold, and counts what it hid', () => {
    const f = new ValueFrequency(exactOptions);
    const values = [...Array(7).fill('M'), ...Array(5).fill('F'), ...Array(4).fill('U'), 'I'];
    for (const v of values) f.add(v);
    expect(f.summary(10, 5)).toEqual({
      distinct: 4,
      distinctIsEstimate: false,
      topValues: [
        { value: 'M', count: 7 },
        { value: 'F', count: 5 },
      ],
      topValuesAreApproximate: false,
      suppressed: 2,
    });
  });

  it('shows nothing for mostly-unique values (names, NHS numbers)', () => {
    const f = new ValueFrequency(exactOptions);
    for (let i = 0; i < 1000; i++) f.add(`9990000${String(i).padStart(3, '0')}`);
    const s = f.summary(10, 5);
    expect(s.topValues).toEqual([]);
    expect(s.suppressed).toBe(1000);
    expect(s.distinct).toBe(1000);
  });

  it('breaks count ties by value and keeps only topN', () => {
    const f = new ValueFrequency(exactOptions);
    for (const v of ['B', 'A', 'C']) for (let i = 0; i < 5; i++) f.add(v);
    expect(f.summary(2, 5).topValues).toEqual([
      { value: 'A', count: 5 },
      { value: 'B', count: 5 },
    ]);
  });

  it('switches to an estimate beyond the cap and still finds the frequent values safely', () => {
    const f = new ValueFrequency({ exactDistinctCap: 1000, sketchCapacity: 200 });
    for (let i = 0; i < 50_000; i++) {
      f.add(`UNIQUE${i}`);
      if (i % 10 === 0) f.add(i % 20 === 0 ? 'SMITH' : 'JONES');
    }
    const s = f.summary(10, 5);
    expect(s.distinctIsEstimate).toBe(true);
    expect(s.topValuesAreApproximate).toBe(true);
    expect(Math.abs(s.distinct - 50_002) / 50_002).toBeLessThan(0.03);
    expect(s.topValues.map((v) => v.value)).toEqual(['JONES', 'SMITH']);
    // Lower bounds: never above the truth (2,500 each).
    for (const v of s.topValues) expect(v.count).toBeLessThanOrEqual(2500);
    expect(s.suppressed).toBe(s.distinct - 2);
  });
});
