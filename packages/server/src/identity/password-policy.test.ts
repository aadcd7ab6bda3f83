import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

const guessable = 'is too easy to guess (common words, names, dates or patterns): use a longer phrase';

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

  it('refuses passwords a strength estimator guesses quickly, however they meet the character rules', () => {
    for (const weak of ['Summer2026!!', 'Liverpool123', 'Manchester2024!', 'zxcvbnm,./123'])
      expect(passwordProblems(weak, 'a.user@trust.nhs.uk'), weak).toEqual([guessable]);
    expect(passwordProblems('P@ssw0rd1234').length).toBeGreaterThan(0);
    for (const strong of ['Granite-Osprey-Lantern-9', 'a long and unusual phrase', 'x7#kLp2!qZ9m-owl'])
      expect(passwordProblems(strong, 'a.user@trust.nhs.uk'), strong).toEqual([]);
  });
});
