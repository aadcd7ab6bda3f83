import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageOn,
  dayFromIso,
  dayFromYmd,
  hhmmFromMinute,
  isoDateTimeFromMinute,
  isoFromDay,
  minuteOf,
  nextWeekday,
  ukDateTimeFromMinute,
  ukFromDay,
  weekday,
  ymdFromDay,
} from './synth-dates.js';

describe('synth dates', () => {
  it('round-trips every day from 1880 to 2100 and agrees with Date.UTC', () => {
    for (let n = dayFromYmd(1880, 1, 1); n <= dayFromYmd(2100, 12, 31); n += 1) {
      const iso = isoFromDay(n);
      expect(dayFromIso(iso)).toBe(n);
      if (n % 97 === 0) expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
    }
  });

  it('knows leap years and refuses impossible dates', () => {
    expect(ymdFromDay(dayFromIso('2024-02-29'))).toEqual([2024, 2, 29]);
    expect(() => dayFromIso('2023-02-29')).toThrow(RangeError);
    expect(() => dayFromIso('1900-02-29')).toThrow(RangeError);
    expect(() => dayFromIso('2000-02-29')).not.toThrow();
    expect(() => dayFromIso('31/02/2019')).toThrow(RangeError);
  });

  it('formats UK dates and date-times', () => {
    const d = dayFromIso('2019-03-07');
    expect(ukFromDay(d)).toBe('07/03/2019');
    const m = minuteOf(d, 9, 5);
    expect(isoDateTimeFromMinute(m)).toBe('2019-03-07 09:05:00');
    expect(ukDateTimeFromMinute(m)).toBe('07/03/2019 09:05');
    expect(hhmmFromMinute(m)).toBe('09:05');
  });

  it('computes weekdays, months and ages', () => {
    expect(weekday(dayFromIso('2026-10-31'))).toBe(5); // a Saturday
    expect(isoFromDay(nextWeekday(dayFromIso('2026-10-31')))).toBe('2026-11-02');
    expect(isoFromDay(addMonths(dayFromIso('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoFromDay(addMonths(dayFromIso('2024-03-15'), -14))).toBe('2023-01-15');
    expect(ageOn(dayFromIso('2000-03-01'), dayFromIso('2026-02-28'))).toBe(25);
    expect(ageOn(dayFromIso('2000-03-01'), dayFromIso('2026-03-01'))).toBe(26);
  });
});
