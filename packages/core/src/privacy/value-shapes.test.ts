import { describe, expect, it } from 'vitest';
import { isAlphabetic, isEmailShaped, isPhoneShaped } from './value-shapes.js';

describe('value shapes', () => {
  it('e-mail addresses', () => {
    expect(isEmailShaped('jo.bloggs@nhs.net')).toBe(true);
    expect(isEmailShaped('jo bloggs@nhs.net')).toBe(false);
    expect(isEmailShaped('jo@localhost')).toBe(false);
  });
  it('telephone numbers, not NHS numbers', () => {
    expect(isPhoneShaped('01632 960123')).toBe(true);
    expect(isPhoneShaped('+44 7700 900123')).toBe(true);
    expect(isPhoneShaped('(0161) 496 0000')).toBe(true);
    expect(isPhoneShaped('9434765919')).toBe(false);
    expect(isPhoneShaped('0123')).toBe(false);
  });
  it('names', () => {
    expect(isAlphabetic("O'Brien-Smith")).toBe(true);
    expect(isAlphabetic('Zoë')).toBe(true);
    expect(isAlphabetic('A12')).toBe(false);
    expect(isAlphabetic('-x')).toBe(false);
  });
});
