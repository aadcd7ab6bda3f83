import { describe, expect, it } from 'vitest';
import { KeyedMask } from './keyed-mask.js';

describe('KeyedMask', () => {
  const a = KeyedMask.derived('server-secret-0123456789', 'org-a');
  const b = KeyedMask.derived('server-secret-0123456789', 'org-b');

  it('gives one token per value (so joins still work) and none of the value', () => {
    const t = a.mask('9434765919');
    expect(t).toMatch(/^ID-[0-9a-f]{16}$/);
    expect(a.mask(' 9434765919 ')).toBe(t);
    expect(a.mask('9434765870')).not.toBe(t);
    expect(t).not.toContain('9434765919');
  });

  it('gives different tokens under the keys of different organisations', () => {
    expect(b.mask('9434765919')).not.toBe(a.mask('9434765919'));
  });

  it('keeps nulls and empty values as they are', () => {
    expect(a.mask(null)).toBeNull();
    expect(a.mask('')).toBe('');
    expect(a.mask('  ')).toBe('  ');
  });

  it('refuses a short key', () => {
    expect(() => new KeyedMask('short')).toThrow(/16 bytes/);
  });
});
