import { describe, expect, it } from 'vitest';
import { parseUkOrIsoDate } from './dates.js';

/** The definition parseUkOrIsoDate implements by hand, in regular expressions. */
function reference(raw: string): string | undefined {
  const valid = (y: number, m: number, d: number) =>
    y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  return m && valid(Number(m[1]), Number(m[2]), Number(m[3])) ? raw : undefined;
}

describe('parseUkOrIsoDate', () => {
  it('reads dd/mm/yyyy, d/m/yyyy and ISO dates, and nothing that is not a calendar date', () => {
    expect(parseUkOrIsoDate('03/02/1961')).toBe('1961-02-03');
    expect(parseUkOrIsoDate('3/2/1961')).toBe('1961-02-03');
    expect(parseUkOrIsoDate('1961-02-03')).toBe('1961-02-03');
    expect(parseUkOrIsoDate('29/02/2024')).toBe('2024-02-29');
    for (const bad of [
      '29/02/2023',
      '31/04/2020',
      '1961-2-03',
      '03/02/61',
      '003/02/1961',
      '03//1961',
      '',
      '1/1/1799',
    ]) {
      expect(parseUkOrIsoDate(bad), bad).toBeUndefined();
    }
  });

  it('agrees with its regular-expression definition on random strings of date characters', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = '0123456789/-- ١x';
    for (let i = 0; i < 50_000; i++) {
      let s = '';
      const shape = rnd(3);
      if (shape === 0) s = `${rnd(40)}/${rnd(14)}/${1790 + rnd(420)}`;
      else if (shape === 1)
        s = `${1790 + rnd(420)}-${String(rnd(14)).padStart(2, '0')}-${String(rnd(33)).padStart(2, '0')}`;
      const len = rnd(12);
      if (shape === 2) for (let k = 0; k < len; k++) s += alphabet[rnd(alphabet.length)];
      else if (rnd(4) === 0) {
        const at = rnd(s.length + 1);
        s = s.slice(0, at) + alphabet[rnd(alphabet.length)] + s.slice(at + rnd(2));
      }
      expect(parseUkOrIsoDate(s), s).toBe(reference(s));
    }
  });
});
