import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set.js';

describe('KeySet', () => {
  it('holds integer and other keys without confusing their spellings', () => {
    const s = new KeySet();
    for (const k of ['1', '42', '007', 'A-1', '12345678901234567890']) s.add(k);
    expect(['1', '42', '007', 'A-1', '12345678901234567890'].map((k) => s.has(k))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['7', '01', '2', 'a-1', '12345678901234567891'].map((k) => s.has(k))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(s.size).toBe(5);
  });
});
