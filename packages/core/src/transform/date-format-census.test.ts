import { describe, expect, it } from 'vitest';
import { DateFormatCensus, decideDateFormat } from './date-format-census.js';

function census(values: readonly string[]) {
  const c = new DateFormatCensus();
  for (const v of values) c.add(v);
  return c.counts();
}

/** n dates in a US layout, cycling through days 1..28 and months 1..12. */
const usDates = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${String((i % 12) + 1).padStart(2, '0')}/${String((i % 28) + 1).padStart(2, '0')}/19${50 + (i % 40)}`,
  );

describe('DateFormatCensus and decideDateFormat', () => {
  it('decides mm/dd/yyyy for a US column once some day is > 12, from the whole column', () => {
    const counts = census([...usDates(100), '', '  ']);
    // Days 13..28 appear in 52 of 100 values: those fit mm/dd/yyyy only.
    expect(counts).toEqual({
      values: 100,
      fitNone: 0,
      withTime: 0,
      fits: { 'dd/mm/yyyy': 48, 'mm/dd/yyyy': 100 },
      fitBoth: { 'dd/mm/yyyy|mm/dd/yyyy': 48 },
    });
    expect(decideDateFormat(counts)).toEqual({ status: 'decided', format: 'mm/dd/yyyy' });
  });

  it('is ambiguous when every day and month is <= 12', () => {
    const counts = census(['01/02/2024', '03/04/1999', '12/11/1961']);
    expect(decideDateFormat(counts)).toEqual({
      status: 'ambiguous',
      candidates: ['dd/mm/yyyy', 'mm/dd/yyyy'],
      reason: '3 values fit each of dd/mm/yyyy, mm/dd/yyyy',
    });
  });

  it('is ambiguous when the column holds values only one or only the other reads (both formats seen)', () => {
    const counts = census(['13/02/2024', '14/02/2024', '02/13/2024', '01/01/2000']);
    expect(decideDateFormat(counts)).toEqual({
      status: 'ambiguous',
      candidates: ['dd/mm/yyyy', 'mm/dd/yyyy'],
      reason: '2 values fit only dd/mm/yyyy, 1 only mm/dd/yyyy and 1 both',
    });
  });

  it('is ambiguous when too few values tell the rivals apart (under 1% of them)', () => {
    const allLow = Array.from({ length: 199 }, (_, i) => `0${(i % 9) + 1}/0${(i % 8) + 1}/2001`);
    expect(decideDateFormat(census([...allLow, '13/01/2001']))).toEqual({
      status: 'ambiguous',
      candidates: ['dd/mm/yyyy', 'mm/dd/yyyy'],
      reason: 'only 1 of 200 values fit dd/mm/yyyy and not mm/dd/yyyy',
    });
    expect(decideDateFormat(census([...allLow, '13/01/2001', '14/01/2001', '15/01/2001']))).toEqual({
      status: 'decided',
      format: 'dd/mm/yyyy',
    });
  });

  it('decides the format most values fit when the others do not conflict with it; the rest stay misfits', () => {
    const counts = census(['2024-03-14', '2024-03-15', '2024-03-16', '14/03/2024', 'unknown', '20240317']);
    expect(counts).toEqual({
      values: 6,
      fitNone: 1,
      withTime: 0,
      fits: { 'dd/mm/yyyy': 1, 'yyyy-mm-dd': 3, yyyymmdd: 1 },
      fitBoth: {},
    });
    expect(decideDateFormat(counts)).toEqual({ status: 'decided', format: 'yyyy-mm-dd' });
  });

  it('never decides between Excel serials and Horolog day counts, and reports columns with no date', () => {
    expect(decideDateFormat(census(['45000', '45001', '38000']))).toMatchObject({
      status: 'ambiguous',
      candidates: ['excel_serial', 'horolog'],
    });
    // A fraction (a time of day) is read only by Excel, a comma (seconds) only by Horolog: they tell them apart.
    expect(decideDateFormat(census(['45000.25', '45001', '38000.5']))).toEqual({
      status: 'decided',
      format: 'excel_serial',
    });
    expect(decideDateFormat(census(['66000,3600', '66001,0', '45001']))).toEqual({
      status: 'decided',
      format: 'horolog',
    });
    expect(decideDateFormat(census(['66000,3600', '45001.5']))).toEqual({
      status: 'ambiguous',
      candidates: ['excel_serial', 'horolog'],
      reason: '1 values fit each of excel_serial, horolog',
    });
    expect(decideDateFormat(census(['N/A', 'unknown']))).toEqual({ status: 'undated' });
    expect(decideDateFormat(census(['', ' ']))).toEqual({ status: 'empty' });
  });

  it('counts values with a time of day', () => {
    const counts = census(['03/14/2024 10:00', '03/15/2024 11:30:00', '03/16/2024']);
    expect(counts.withTime).toBe(2);
    expect(decideDateFormat(counts)).toEqual({ status: 'decided', format: 'mm/dd/yyyy' });
  });
});
