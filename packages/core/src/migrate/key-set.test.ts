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
    for (let i = 0; i < 20000; i++) {
      const k = (rnd() % 30000) - 15000;
      expect(s.has(k)).toBe(ref.has(k));
      s.add(k);
      ref.add(k);
    }
    expect(s.size).toBe(ref.size);
  });
});
