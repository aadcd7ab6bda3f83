import { describe, expect, it } from 'vitest';
import { classWordsConflict, impliedClassWord } from './class-words.js';
import { stemWord } from './word-stem.js';

describe('classWordsConflict', () => {
  it('separates families and keeps one family together', () => {
    expect(classWordsConflict(stemWord('TYPE'), stemWord('NUMBER'))).toBe(true);
    expect(classWordsConflict(stemWord('DATE'), stemWord('TIME'))).toBe(false);
    expect(classWordsConflict(stemWord('SURNAME'), stemWord('NUMBER'))).toBe(false);
  });
});

describe('impliedClassWord', () => {
  it('reads a boolean column as a flag and a date column as a date when the name does not say so', () => {
    expect(impliedClassWord('boolean', ['ACTIV'])).toBe(stemWord('FLAG'));
    expect(impliedClassWord('boolean', ['INTERPRETER', 'FLAG'])).toBeUndefined();
    expect(impliedClassWord('boolean', ['CURRENT', 'INDICATOR'])).toBeUndefined();
    expect(impliedClassWord('datetime', ['VALID', 'START'])).toBe(stemWord('DATE'));
    expect(impliedClassWord('date', ['DAT', 'BIRTH'])).toBeUndefined();
    expect(impliedClassWord('datetime', ['ADMISSION', 'TIM'])).toBeUndefined();
    expect(impliedClassWord('string', ['ACTIV'])).toBeUndefined();
  });
});
