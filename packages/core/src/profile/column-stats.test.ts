import { describe, expect, it } from 'vitest';
import { ColumnStats } from './column-stats.js';

const options = { topN: 10, smallCellThreshold: 5, exactDistinctCap: 100_000, sketchCapacity: 1000 };

function profile(name: string, values: Array<string | undefined>, opts = options) {
  const s = new ColumnStats(name, opts);
  for (const v of values) s.add(v);
  return s.finish();
}

const repeat = (value: string, n: number) => Array<string>(n).fill(value);

describe('ColumnStats', () => {
  it('separates nulls (empty or missing) from blanks (whitespace) and measures raw lengths', () => {
    const p = profile('SEX', [...repeat('M', 6), ...repeat('F', 5), 'U', '', undefined, '  ', ' ']);
    expect(p).toMatchObject({
      rows: 16,
      nulls: 2,
      blanks: 2,
      nonEmpty: 12,
      distinct: 3,
      distinctIsEstimate: false,
      minLength: 1,
      maxLength: 2,
      detectedType: 'code',
      extremes: 'lexical',
      min: 'F',
      max: 'U',
      topValues: [
        { value: 'M', count: 6 },
        { value: 'F', count: 5 },
      ],
      suppressed: 1,
    });
  });

  it('shows no top values for NHS numbers (each seen once) and reports the Mod 11 share', () => {
    // 9 valid synthetic numbers, one with a bad check digit, one repdigit placeholder.
    const valid = ['9990000018', '9990000026', '9990000034', '9990000042', '9990000050'];
    const more = ['9990000069', '9990000077', '9990000085', '9990000093'];
    const p = profile('NHS_NO', [...valid, ...more, '9434765918', '1111111111', '']);
    expect(p).toMatchObject({
      nonEmpty: 11,
      distinct: 11,
      detectedType: 'nhs_number',
      conformingShare: 0.8182,
      extremes: 'withheld',
      topValues: [],
      suppressed: 11,
    });
    expect(p.min).toBeUndefined();
    expect(p.matches).toMatchObject({ nhsNumberShaped: 11, nhsNumberValid: 9 });
  });

  it('detects dd/mm/yyyy dates with chronological (not lexical) extremes in ISO form', () => {
    const p = profile('DOB', ['03/02/1961', '25/12/1950', '01/01/2001', '31/02/1970', '']);
    expect(p).toMatchObject({
      detectedType: 'date',
      format: 'dd/mm/yyyy',
      conformingShare: 0.75,
      extremes: 'chronological',
      min: '1950-12-25',
      max: '2001-01-01',
      dateFormats: { 'dd/mm/yyyy': 3 },
    });
    expect(p.matches).toMatchObject({ dateShaped: 4, date: 3 });
  });

  it('calls a column of two date layouts mixed, with the count of each', () => {
    const p = profile('ADM_DT', ['03/02/1961', '1961-02-04', '05/02/1961', '06/02/1961']);
    expect(p).toMatchObject({
      detectedType: 'date',
      format: 'mixed',
      min: '1961-02-03',
      max: '1961-02-06',
      dateFormats: { 'dd/mm/yyyy': 3, 'yyyy-mm-dd': 1 },
    });
  });

  it('detects date-times', () => {
    const p = profile('ARR_TM', ['03/02/2024 09:15', '03/02/2024 14:05', '02/02/2024 23:59']);
    expect(p).toMatchObject({
      detectedType: 'datetime',
      format: 'dd/mm/yyyy hh:mm',
      min: '2024-02-02 23:59:00',
      max: '2024-02-03 14:05:00',
    });
  });

  it('orders integers numerically and decimals by value', () => {
    expect(profile('LOS', ['9', '10', '100', '-2'])).toMatchObject({
      detectedType: 'integer',
      extremes: 'numeric',
      min: '-2',
      max: '100',
    });
    expect(profile('IOP', ['12.5', '9', '21.25'])).toMatchObject({ detectedType: 'decimal', min: '9', max: '21.25' });
  });

  it('calls short low-cardinality integers with leading zeros a code list', () => {
    const p = profile('ADMIN_CAT', [...repeat('01', 8), ...repeat('02', 3)]);
    expect(p).toMatchObject({ detectedType: 'code', extremes: 'lexical', min: '01', max: '02' });
  });

  it('detects Y/N flags, postcodes and free text', () => {
    expect(profile('DECEASED', [...repeat('Y', 3), ...repeat('N', 7)]).detectedType).toBe('flag');
    const postcodes = profile('POSTCODE', ['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'ZZ99 3VZ', 'NOT KNOWN']);
    expect(postcodes).toMatchObject({ detectedType: 'postcode', conformingShare: 0.8, extremes: 'withheld' });
    const names = profile('SURNAME', ['SMITH', 'JONES', 'TAYLOR', 'BROWN', 'WILLIAMS']);
    expect(names).toMatchObject({ detectedType: 'text', extremes: 'withheld', suppressed: 5, topValues: [] });
  });

  it('reports an empty column as empty with no extremes', () => {
    expect(profile('MIDDLE', ['', '', ' '])).toMatchObject({
      detectedType: 'empty',
      extremes: 'none',
      nulls: 2,
      blanks: 1,
      nonEmpty: 0,
      distinct: 0,
      minLength: 1,
      maxLength: 1,
    });
  });

  it('switches to a distinct estimate past the cap, still suppressing small cells', () => {
    const values: string[] = [];
    for (let i = 0; i < 5000; i++) values.push(`NAME${i}`);
    values.push(...repeat('SMITH', 40));
    const p = profile('SURNAME', values, { ...options, exactDistinctCap: 500, sketchCapacity: 100 });
    expect(p.distinctIsEstimate).toBe(true);
    expect(p.topValuesAreApproximate).toBe(true);
    expect(Math.abs(p.distinct - 5001) / 5001).toBeLessThan(0.03);
    expect(p.topValues.map((v) => v.value)).toEqual(['SMITH']);
    expect(p.topValues[0]!.count).toBeGreaterThanOrEqual(5);
    expect(p.topValues[0]!.count).toBeLessThanOrEqual(40);
    expect(p.suppressed).toBe(p.distinct - 1);
  });

  it('never shows NHS numbers, even one repeated in a child table', () => {
    const p = profile('NHS_NO', [...repeat('9990000018', 22), ...repeat('9990000026', 6)]);
    expect(p).toMatchObject({ detectedType: 'nhs_number', topValues: [], topValuesWithheld: true, suppressed: 2 });
  });

  it('never shows the values of a column marked as an identifier', () => {
    const s = new ColumnStats('PAT_ID', options, true);
    for (const v of [...repeat('100334', 22), ...repeat('100324', 18), '100001']) s.add(v);
    expect(s.finish()).toMatchObject({ topValues: [], topValuesWithheld: true, suppressed: 3, distinct: 3 });
    expect(profile('SEX', repeat('M', 5))).toMatchObject({
      topValues: [{ value: 'M', count: 5 }],
      topValuesWithheld: false,
    });
  });

  it('reports the date formats a column fits, how many values fit each, and whether it is ambiguous', () => {
    // A US column: month first, days up to 28; a repeat counts through its cached mask like any other value.
    const us = Array.from(
      { length: 30 },
      (_, i) => `${String((i % 12) + 1).padStart(2, '0')}/${String(i + 1 - (i >= 28 ? 28 : 0)).padStart(2, '0')}/1970`,
    );
    expect(profile('DOB', [...us, us[0]!, '']).dateFormatCensus).toEqual({
      values: 31,
      fitNone: 0,
      withTime: 0,
      fits: { 'dd/mm/yyyy': 15, 'mm/dd/yyyy': 31 },
      fitBoth: { 'dd/mm/yyyy|mm/dd/yyyy': 15 },
      decision: 'decided',
      format: 'mm/dd/yyyy',
      ambiguous: false,
    });
    // Every day and month <= 12, some with a time: ambiguous.
    expect(profile('SEEN', ['01/02/2024 10:00', '03/04/2024', '05/06/2024 11:15:00']).dateFormatCensus).toEqual({
      values: 3,
      fitNone: 0,
      withTime: 2,
      fits: { 'dd/mm/yyyy': 3, 'mm/dd/yyyy': 3 },
      fitBoth: { 'dd/mm/yyyy|mm/dd/yyyy': 3 },
      decision: 'ambiguous',
      candidates: ['dd/mm/yyyy', 'mm/dd/yyyy'],
      reason: '3 values fit each of dd/mm/yyyy, mm/dd/yyyy',
      ambiguous: true,
    });
  });

  it('reports a column mixing two formats, with the values that fit neither', () => {
    const p = profile('ADMITTED', ['2024-01-13', '2024-01-14', '2024-01-15', '16/01/2024', '20240117', 'N/K']);
    expect(p.dateFormatCensus).toEqual({
      values: 6,
      fitNone: 1,
      withTime: 0,
      fits: { 'dd/mm/yyyy': 1, 'yyyy-mm-dd': 3, yyyymmdd: 1 },
      fitBoth: {},
      decision: 'decided',
      format: 'yyyy-mm-dd',
      ambiguous: false,
    });
  });

  it('judges no date format for numbers, codes or text, nor for bare day counts', () => {
    expect(profile('AGE', ['45', '61', '7', '88']).dateFormatCensus).toBeUndefined();
    expect(profile('SERIAL', ['45000', '45001', '45002']).dateFormatCensus).toBeUndefined();
    expect(profile('NAME', ['SMITH', 'JONES', '01/02/2024']).dateFormatCensus).toBeUndefined();
    expect(profile('NHS', ['9434765919', '9434765870']).dateFormatCensus).toBeUndefined();
  });
});

describe('ColumnStats identifiers', () => {
  const options = { topN: 10, smallCellThreshold: 2, exactDistinctCap: 1000, sketchCapacity: 100 };
  const profile = (name: string, values: string[], identifier?: boolean | 'other') => {
    const s = new ColumnStats(name, options, identifier);
    for (const v of values) s.add(v);
    return s.finish();
  };

  it('withholds every value of a column its name and shape mark as names, even frequent ones', () => {
    const p = profile('SURNAME', ['SMITH', 'SMITH', 'SMITH', 'JONES', 'JONES', "O'BRIEN"]);
    expect(p).toMatchObject({ identifier: 'name', topValues: [], topValuesWithheld: true, suppressed: 3 });
    expect(p.extremes).toBe('withheld');
  });

  it('withholds e-mail and telephone columns by shape alone', () => {
    expect(profile('C9', ['a@b.nhs.uk', 'a@b.nhs.uk', 'c@d.org']).identifier).toBe('email');
    expect(profile('C9', ['01632 960123', '01632 960123', '07700 900123']).identifier).toBe('phone');
  });

  it('keeps a declared kind, and shows a code column as before', () => {
    expect(profile('REF', ['A1', 'A1', 'B2'], 'other')).toMatchObject({ identifier: 'other', topValues: [] });
    const sex = profile('SEX', ['M', 'M', 'F', 'F', 'F']);
    expect(sex.identifier).toBeUndefined();
    expect(sex.topValues).toEqual([
      { value: 'F', count: 3 },
      { value: 'M', count: 2 },
    ]);
  });
});
