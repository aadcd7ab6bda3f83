import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('passwordProblems', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('correct horse battery staple', 'jo.bloggs@trust.nhs.uk')).toEqual([]);
  });

  it('names each problem without repeating the password', () => {
    expect(passwordProblems('short')).toEqual(['is shorter than 12 characters']);
    expect(passwordProblems('aaaaaaaaaaaaaaaa')).toEqual(['has fewer than 5 different characters']);
    expect(passwordProblems('Password2024!!')).toEqual(['is a common password with digits or symbols added']);
    expect(passwordProblems('123456789012345')).toEqual(['is a common password with digits or symbols added']);
    expect(passwordProblems('bloggsfamily-rules', 'jo.bloggs@x.uk')).toEqual([]);
    expect(passwordProblems('my jo.bloggs secret phrase', 'jo.bloggs@x.uk')).toEqual(['contains the account name']);
    expect(passwordProblems('x'.repeat(300)).sort()).toEqual([
      'has fewer than 5 different characters',
      'is longer than 256 characters',
    ]);
  });
});
