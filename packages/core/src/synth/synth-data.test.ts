import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../validation/nhs-number.js';
import { isValidPostcode } from '../validation/postcode.js';
import { spacedNhsNumber, syntheticNhsNumber, syntheticNhsNumberCapacity, withWrongCheckDigit } from './nhs-numbers.js';
import { consultantCode, gpCode, gpPracticeCode } from './ods-codes.js';
import { SeededRandom } from './seeded-random.js';
import { ukAddress, ukTowns } from './uk-addresses.js';
import { exampleEmail, ukLandline, ukMobile } from './uk-contacts.js';
import { allUkNames, ukForename, ukSurname } from './uk-names.js';

const strictPostcode =
  /^(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2}$/;

/** Title case as the contract's `title_case` transform defines it: lower, then upper after start, space, hyphen, apostrophe. */
const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());

describe('synthetic NHS numbers', () => {
  it('gives the documented first number', () => {
    expect(syntheticNhsNumber(0, 0)).toBe('9990000018');
    expect(spacedNhsNumber('9990000018')).toBe('999 000 0018');
  });

  it('are valid, in the 999 range, not repdigits, and distinct across the whole capacity', () => {
    const seen = new Set<string>();
    for (let i = 0; i < syntheticNhsNumberCapacity; i++) {
      const n = syntheticNhsNumber(i, 12345);
      if (i % 1000 === 0) {
        expect(n.startsWith('999')).toBe(true);
        expect(isValidNhsNumber(n)).toBe(true);
      }
      seen.add(n);
    }
    expect(seen.size).toBe(syntheticNhsNumberCapacity);
    expect(seen.has('9999999999')).toBe(false);
    for (const n of [...seen].slice(0, 5000)) expect(isValidNhsNumber(n)).toBe(true);
    expect(() => syntheticNhsNumber(syntheticNhsNumberCapacity)).toThrow(RangeError);
    expect(() => syntheticNhsNumber(-1)).toThrow(RangeError);
  });

  it('makes a number with a wrong check digit on request', () => {
    for (let i = 0; i < 500; i++) expect(isValidNhsNumber(withWrongCheckDigit(syntheticNhsNumber(i, 9)))).toBe(false);
  });
});

describe('synthetic addresses', () => {
  it('uses real outward codes that pass the strict postcode pattern', () => {
    for (const town of ukTowns)
      for (const d of town.districts) expect(strictPostcode.test(`${d.outward} 1AA`)).toBe(true);
  });

  it('gives postcodes valid by the strict pattern and by validation/postcode.ts', () => {
    const rng = new SeededRandom(1);
    let flats = 0;
    for (let i = 0; i < 3000; i++) {
      const a = ukAddress(rng);
      expect(a.postcode).toMatch(strictPostcode);
      expect(isValidPostcode(a.postcode)).toBe(true);
      expect(a.line1).toMatch(/^\S/);
      if (a.line1.includes(',')) flats++;
    }
    expect(flats).toBeGreaterThan(100);
  });
});

describe('synthetic names', () => {
  it('has a few hundred names per list, each surviving upper-casing then title-casing', () => {
    const { forenames, surnames } = allUkNames();
    expect(forenames.male.length).toBeGreaterThan(250);
    expect(forenames.female.length).toBeGreaterThan(250);
    expect(surnames.length).toBeGreaterThan(300);
    for (const n of [...forenames.male, ...forenames.female, ...surnames]) {
      expect(n).toMatch(/^[A-Z][a-z]*(?:['-][A-Z][a-z]+)*$/);
      expect(titleCase(n.toUpperCase())).toBe(n);
    }
  });

  it('draws era-appropriate forenames and occasional double-barrelled surnames', () => {
    const rng = new SeededRandom(2);
    const older = new Set(Array.from({ length: 300 }, () => ukForename(rng, 'female', 1930)));
    const younger = new Set(Array.from({ length: 300 }, () => ukForename(rng, 'female', 2015)));
    expect(older.has('Margaret')).toBe(true);
    expect(younger.has('Olivia')).toBe(true);
    expect(older.has('Olivia')).toBe(false);
    const surnames = Array.from({ length: 5000 }, () => ukSurname(rng));
    const barrelled = surnames.filter((s) => s.includes('-'));
    expect(barrelled.length).toBeGreaterThan(5);
    for (const s of surnames) expect(titleCase(s.toUpperCase())).toBe(s);
  });
});

describe('synthetic contacts and codes', () => {
  it('uses Ofcom drama ranges and example domains', () => {
    const rng = new SeededRandom(3);
    for (let i = 0; i < 500; i++) {
      expect(ukMobile(rng)).toMatch(/^07700 900\d{3}$/);
      expect(ukLandline(rng)).toMatch(
        /^(0113 496 0\d{3}|0114 496 0\d{3}|0161 496 0\d{3}|020 7946 0\d{3}|01632 960\d{3})$/,
      );
      expect(exampleEmail(rng, 'Mary', "O'Brien")).toMatch(/^[a-z0-9.]+@example\.(com|org|net|co\.uk)$/);
    }
  });

  it('shapes GP practice, GP and consultant codes', () => {
    const rng = new SeededRandom(4);
    expect(gpPracticeCode('B86', 17)).toBe('B86017');
    expect(gpPracticeCode('B86', 17)).toMatch(/^[A-Z][0-9]{5}$/);
    expect(() => gpPracticeCode('B86', 1000)).toThrow(RangeError);
    expect(() => gpPracticeCode('86', 1)).toThrow(RangeError);
    expect(gpCode(rng)).toMatch(/^G\d{7}$/);
    expect(consultantCode(rng)).toMatch(/^C\d{7}$/);
  });
});
