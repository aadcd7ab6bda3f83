import { describe, expect, it } from 'vitest';
import { unstorableTextIn } from './request-text-check.js';

describe('unstorableTextIn', () => {
  it('names every field holding a NUL or a lone surrogate, at any depth, never the value', () => {
    const body = { name: 'a\u0000b', ok: 'Ní Bhriain 😀', list: ['x', '\uD800y'], nested: { deep: 'z\uDC00' } };
    expect(unstorableTextIn('body', body)).toEqual([
      { path: 'body.name', message: 'contains a NUL character' },
      { path: 'body.list.1', message: 'contains a lone surrogate (not valid Unicode)' },
      { path: 'body.nested.deep', message: 'contains a lone surrogate (not valid Unicode)' },
    ]);
  });

  it('checks keys too and accepts valid text, numbers and nulls', () => {
    expect(unstorableTextIn('querystring', { 'k\u0000': 1 })).toEqual([
      { path: 'querystring (a key)', message: 'contains a NUL character' },
    ]);
    expect(unstorableTextIn('body', { a: 1, b: null, c: true, d: 'plain', e: ['😀'] })).toEqual([]);
    expect(unstorableTextIn('body', undefined)).toEqual([]);
  });
});
