import { describe, expect, it } from 'vitest';
import { IntegerSet, KeySet } from './key-set.js';

describe('KeySet', () => {
  it('holds integer and other keys without confusing their spellings', () => {
    const s = new KeySet();
    for (const k of ['1', '42', '007', 'A-1', '12345678901234567890', '-5', '0']) s.add(k);
    expect(['1', '42', '007', 'A-1', '12345678901234567890', '-5', '0'].map((k) => s.has(k))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['-0', '-05', '05', '+5', '-'].map((k) => s.has(k))).toEqual([false, false, false, false, false]);
    expect(['7', '01', '2', 'a-1', '12345678901234567891'].map((k) => s.has(k))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(s.size).toBe(7);
  });
});

describe('IntegerSet', () => {
  it('holds what was added, across growth, negative and large keys included, and nothing else', () => {
    const s = new IntegerSet();
    const keys = [0, -1, 1, 2 ** 40, -(2 ** 52), 999_999_999_999_999];
    for (let i = 0; i < 5000; i++) keys.push(i * 7919 + 3);
    for (const k of keys) s.add(k);
    for (const k of keys) s.add(k);
    expect(s.size).toBe(new Set(keys).size);
    expect(keys.every((k) => s.has(k))).toBe(true);
    expect([2, -2, 2 ** 40 + 1, 7919 * 5000 + 3, 5].map((k) => s.has(k))).toEqual([false, false, false, false, false]);
  });

  it('agrees with a Set on a random mix of adds and lookups', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const s = new IntegerSet();
    const ref = new Set<number>();
    let disagreements = 0;
    for (let i = 0; i < 20000; i++) {
      const k = (rnd() % 30000) - 15000;
      if (s.has(k) !== ref.has(k)) disagreements++;
      s.add(k);
      ref.add(k);
    }
    expect(disagreements).toBe(0);
    expect(s.size).toBe(ref.size);
  });
});

describe('IntegerSet as a compressed bitmap', () => {
  it('holds a million consecutive keys in 16 bitmap containers of 8 KB', () => {
    const s = new IntegerSet();
    for (let i = 1; i <= 1_000_000; i++) s.add(i);
    expect(s.size).toBe(1_000_000);
    expect(s.bytes).toBe(16 * 8192);
    expect([0, 1, 500_000, 1_000_000, 1_000_001].map((k) => s.has(k))).toEqual([false, true, true, true, false]);
  });

  it('keeps scattered keys as sorted 16-bit arrays, converting a container to a bitmap past 4,096 keys', () => {
    const s = new IntegerSet();
    // Descending, so every insert lands before what is there.
    for (let i = 4096; i >= 1; i--) s.add(i * 13 + 65536 * 9);
    expect(s.bytes).toBe(8192);
    expect(s.size).toBe(4096);
    s.add(65536 * 9 + 1);
    expect(s.bytes).toBe(8192);
    expect(s.size).toBe(4097);
    expect([65536 * 9 + 1, 65536 * 9 + 13, 65536 * 9 + 14, 65536 * 9 + 4096 * 13].map((k) => s.has(k))).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('agrees with a Set on random keys across containers, the array-to-bitmap boundary and negative keys', () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const s = new IntegerSet();
    const ref = new Set<number>();
    let disagreements = 0;
    for (let i = 0; i < 60000; i++) {
      const k = (rnd() % 400000) - 200000;
      if (s.has(k) !== ref.has(k)) disagreements++;
      s.add(k);
      ref.add(k);
    }
    for (let k = -200000; k < 200000; k += 7) if (s.has(k) !== ref.has(k)) disagreements++;
    expect(disagreements).toBe(0);
    expect(s.size).toBe(ref.size);
  });
});

describe('KeySet past its budget', () => {
  it('seals committed keys to fingerprints and answers for them only once the target has been asked', () => {
    const s = new KeySet(1);
    s.add('A');
    s.add('B');
    s.commit();
    // A and B may still be being written: held exactly.
    expect(s.spilled).toBe(false);
    s.add('C');
    s.commit();
    // A and B are in the target now, past the budget of 1: sealed. C is held.
    expect(s.spilled).toBe(true);
    expect(s.size).toBe(3);
    expect(s.has('C')).toBe(true);
    expect(s.has('Z')).toBe(false);
    expect(() => s.has('A')).toThrow('KeySet: a sealed key was checked before it was resolved');
    expect(s.unresolved(['A', 'C', 'Z', 'A', '12'])).toEqual(['A']);
    s.resolve(['A'], ['A']);
    expect(s.has('A')).toBe(true);
    expect(s.unresolved(['B'])).toEqual(['B']);
    // A later chunk's answers replace an earlier one's.
    expect(() => s.has('A')).toThrow();
    s.resolve(['B'], []);
    expect(s.has('B')).toBe(false);
  });

  it('never seals without a budget, and keeps integers in the bitmap whatever the budget', () => {
    const s = new KeySet();
    for (let i = 0; i < 10; i++) s.add(`K${i}`);
    s.commitAll();
    expect(s.spilled).toBe(false);
    const b = new KeySet(0);
    b.add('7');
    b.commitAll();
    expect(b.spilled).toBe(false);
    expect(b.has('7')).toBe(true);
  });
});
