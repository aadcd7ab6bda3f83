import { describe, expect, it } from 'vitest';
import { conflictingDateFormats, type DateFormatName, dateFormatNames, readDate } from './date-formats.js';

describe('readDate', () => {
  it('reads each textual format strictly, with and without a time of day', () => {
    expect(readDate('dd/mm/yyyy', '03/02/1961')).toEqual({ date: '1961-02-03' });
    expect(readDate('dd/mm/yyyy', '3.2.1961')).toEqual({ date: '1961-02-03' });
    expect(readDate('dd/mm/yyyy', '03-02-1961 14:05')).toEqual({ date: '1961-02-03', time: '14:05:00' });
    expect(readDate('mm/dd/yyyy', '03/14/2024 2:30:09 PM')).toEqual({ date: '2024-03-14', time: '14:30:09' });
    expect(readDate('mm/dd/yyyy', '12/31/2024 12:00 AM')).toEqual({ date: '2024-12-31', time: '00:00:00' });
    expect(readDate('yyyy-mm-dd', '2024-03-14T08:00:01')).toEqual({ date: '2024-03-14', time: '08:00:01' });
    expect(readDate('yyyy-mm-dd', '2024/03/14')).toEqual({ date: '2024-03-14' });
    expect(readDate('yyyymmdd', '19610203')).toEqual({ date: '1961-02-03' });
    expect(readDate('ddmmyyyy', '03021961')).toEqual({ date: '1961-02-03' });
    expect(readDate('mmddyyyy', '02031961')).toEqual({ date: '1961-02-03' });
  });

  it('tells a value in another layout (undefined) from a laid-out value that is no real date (invalid)', () => {
    expect(readDate('dd/mm/yyyy', '2024-03-14')).toBeUndefined();
    expect(readDate('dd/mm/yyyy', '03/14/2024')).toBe('invalid');
    expect(readDate('dd/mm/yyyy', '29/02/2023')).toBe('invalid');
    expect(readDate('dd/mm/yyyy', '29/02/2024')).toEqual({ date: '2024-02-29' });
    expect(readDate('dd/mm/yyyy', '01/01/1700')).toBe('invalid');
    expect(readDate('dd/mm/yyyy', '03/02/1961 25:00')).toBe('invalid');
    expect(readDate('dd/mm/yyyy', '03/02/1961 noon')).toBeUndefined();
    expect(readDate('dd/mm/yyyy', '03/02-1961')).toBeUndefined();
    expect(readDate('yyyymmdd', '1961023')).toBeUndefined();
  });

  it('reads two-digit years with the pivot: 00..29 are 20xx, 30..99 are 19xx', () => {
    expect(readDate('dd/mm/yy', '03/02/29')).toEqual({ date: '2029-02-03' });
    expect(readDate('dd/mm/yy', '03/02/30')).toEqual({ date: '1930-02-03' });
    expect(readDate('mm/dd/yy', '02/03/61')).toEqual({ date: '1961-02-03' });
    expect(readDate('dd/mm/yy', '03/02/1961')).toBeUndefined();
  });

  it('reads Excel serial numbers (1900 date system, with its phantom 29 February 1900) and fractions as times', () => {
    expect(readDate('excel_serial', '1')).toEqual({ date: '1900-01-01' });
    expect(readDate('excel_serial', '59')).toEqual({ date: '1900-02-28' });
    expect(readDate('excel_serial', '60')).toBe('invalid');
    expect(readDate('excel_serial', '61')).toEqual({ date: '1900-03-01' });
    expect(readDate('excel_serial', '45000')).toEqual({ date: '2023-03-15' });
    expect(readDate('excel_serial', '45000.5')).toEqual({ date: '2023-03-15', time: '12:00:00' });
    expect(readDate('excel_serial', '45000.0')).toEqual({ date: '2023-03-15' });
    expect(readDate('excel_serial', '0')).toBe('invalid');
    expect(readDate('excel_serial', '45000,5')).toBeUndefined();
  });

  it('reads MUMPS Horolog day counts (day 0 = 1840-12-31) with optional seconds', () => {
    expect(readDate('horolog', '0')).toEqual({ date: '1840-12-31' });
    expect(readDate('horolog', '1')).toEqual({ date: '1841-01-01' });
    expect(readDate('horolog', '47117')).toEqual({ date: '1970-01-01' });
    expect(readDate('horolog', '66000,3600')).toEqual({ date: '2021-09-13', time: '01:00:00' });
    expect(readDate('horolog', '66000,86400')).toBe('invalid');
    expect(readDate('horolog', '66000.5')).toBeUndefined();
  });

  it('lists every pair of formats that reads one text as two dates, and no other', () => {
    // Every value shape the formats accept, over days/months that are both <= 12 and not, years of 2 and 4 digits.
    const samples: string[] = [];
    for (const a of ['01', '03', '12', '13', '28', '31'])
      for (const b of ['01', '02', '12', '13', '30'])
        for (const y of ['1961', '2024', '61', '20']) {
          samples.push(`${a}/${b}/${y}`, `${a}-${b}-${y}`, `${y}-${a}-${b}`, `${a}${b}${y}`, `${y}${a}${b}`);
        }
    for (const n of ['1', '59', '61', '20000', '45000', '66000', '99999', '120000']) samples.push(n);
    const clash = new Set<string>();
    for (const v of samples) {
      const read = dateFormatNames
        .map((f) => [f, readDate(f, v)] as const)
        .filter((x): x is [DateFormatName, { date: string }] => typeof x[1] === 'object');
      for (const [f, r] of read) for (const [g, s] of read) if (f < g && r.date !== s.date) clash.add(`${f}|${g}`);
    }
    const listed = conflictingDateFormats.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`));
    expect([...clash].sort()).toEqual([...listed].sort());
  });
});
