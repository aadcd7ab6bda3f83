import { describe, expect, it } from 'vitest';
import { dateFormatNames, readDate } from '../transform/date-formats.js';
import { readDateIndependently } from './independent-date-reader.js';

describe('readDateIndependently', () => {
  it('reads every format the load reads', () => {
    expect(readDateIndependently('dd/mm/yyyy', '03/02/1961')).toBe('1961-02-03 00:00:00');
    expect(readDateIndependently('dd/mm/yyyy', '3.2.1961 14:05')).toBe('1961-02-03 14:05:00');
    expect(readDateIndependently('mm/dd/yyyy', '03/14/2024 2:30 PM')).toBe('2024-03-14 14:30:00');
    expect(readDateIndependently('yyyy-mm-dd', '2024-03-14T08:00:01')).toBe('2024-03-14 08:00:01');
    expect(readDateIndependently('yyyymmdd', '19610203')).toBe('1961-02-03 00:00:00');
    expect(readDateIndependently('ddmmyyyy', '03021961')).toBe('1961-02-03 00:00:00');
    expect(readDateIndependently('mmddyyyy', '02031961')).toBe('1961-02-03 00:00:00');
    expect(readDateIndependently('dd/mm/yy', '03/02/61')).toBe('1961-02-03 00:00:00');
    expect(readDateIndependently('mm/dd/yy', '02/03/29')).toBe('2029-02-03 00:00:00');
    expect(readDateIndependently('excel_serial', '45000.5')).toBe('2023-03-15 12:00:00');
    expect(readDateIndependently('excel_serial', '59')).toBe('1900-02-28 00:00:00');
    expect(readDateIndependently('horolog', '66000,3600')).toBe('2021-09-13 01:00:00');
  });

  it('refuses what is no real date in the format', () => {
    expect(readDateIndependently('dd/mm/yyyy', '31/02/2024')).toBeUndefined();
    expect(readDateIndependently('dd/mm/yyyy', '03/14/2024')).toBeUndefined();
    expect(readDateIndependently('dd/mm/yyyy', '03/02-2024')).toBeUndefined();
    expect(readDateIndependently('excel_serial', '60')).toBeUndefined();
    expect(readDateIndependently('yyyy-mm-dd', '14/03/2024')).toBeUndefined();
  });

  it('agrees with the load reader on a sweep of values in every format', () => {
    const values: string[] = [];
    for (let i = 0; i < 400; i++) {
      const [d, m, y] = [(i % 31) + 1, (i % 13) + 1, 1900 + ((i * 7) % 200)];
      const p = (n: number) => String(n).padStart(2, '0');
      values.push(`${p(d)}/${p(m)}/${y}`, `${y}-${p(m)}-${p(d)}`, `${p(d)}${p(m)}${y}`, `${y}${p(m)}${p(d)}`);
      values.push(`${d}/${m}/${String(y).slice(2)} ${i % 24}:${p(i % 60)}`, String(i * 271), `${i * 311},${i * 97}`);
    }
    let compared = 0;
    for (const f of dateFormatNames)
      for (const v of values) {
        const r = readDate(f, v);
        const load = typeof r === 'object' ? `${r.date} ${r.time ?? '00:00:00'}` : undefined;
        expect([f, v, readDateIndependently(f, v)]).toEqual([f, v, load]);
        if (load) compared++;
      }
    expect(compared).toBeGreaterThan(2000);
  });
});
