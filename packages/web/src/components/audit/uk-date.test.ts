import { describe, expect, it } from 'vitest';
import { parseUkDate } from './uk-date';

describe('parseUkDate', () => {
  it('reads dd/mm/yyyy as the start of the local day, and as the next midnight for an end bound', () => {
    expect(parseUkDate('08/12/2026')).toEqual({ iso: new Date(2026, 11, 8).toISOString() });
    expect(parseUkDate(' 8/12/2026 ')).toEqual({ iso: new Date(2026, 11, 8).toISOString() });
    expect(parseUkDate('08/12/2026', true)).toEqual({ iso: new Date(2026, 11, 9).toISOString() });
  });

  it('reads a time when given, even for an end bound', () => {
    expect(parseUkDate('08/12/2026 14:05')).toEqual({ iso: new Date(2026, 11, 8, 14, 5).toISOString() });
    expect(parseUkDate('08/12/2026 14:05', true)).toEqual({ iso: new Date(2026, 11, 8, 14, 5).toISOString() });
  });

  it('answers null for nothing, and names what is wrong otherwise', () => {
    expect(parseUkDate('  ')).toBeNull();
    expect(parseUkDate('2026-12-08')).toEqual({ error: 'Use dd/mm/yyyy, optionally with hh:mm' });
    expect(parseUkDate('12/31/2026')).toEqual({ error: 'No month 31: use dd/mm/yyyy' });
    expect(parseUkDate('31/02/2026')).toEqual({ error: '31/02/2026 is not a date' });
    expect(parseUkDate('01/02/2026 24:00')).toEqual({ error: 'No time 24:00: use hh:mm, 24-hour' });
  });
});
