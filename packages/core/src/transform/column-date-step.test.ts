import { describe, expect, it } from 'vitest';
import { columnDateStep } from './column-date-step.js';
import { type DateFormatName, readDate } from './date-formats.js';
import { StepFailure } from './transform-steps.js';

describe('columnDateStep', () => {
  it('reads only its formats, and says why a value does not fit (naming the column, not the value)', () => {
    const step = columnDateStep('date', ['mm/dd/yyyy'], 'DOB');
    expect(step(' 03/14/2024 ')).toBe('2024-03-14');
    expect(step('03/14/2024 00:00')).toBe('2024-03-14');
    const mismatch = step('2024-03-14') as StepFailure;
    expect([mismatch.code, mismatch.reason]).toEqual([
      'DATE_FORMAT_MISMATCH',
      'DOB is not in the date format mm/dd/yyyy',
    ]);
    const invalid = step('14/03/2024') as StepFailure;
    expect([invalid.code, invalid.reason]).toEqual([
      'INVALID_VALUE',
      'DOB is not a real date or time (format mm/dd/yyyy)',
    ]);
    const timed = step('03/14/2024 10:30') as StepFailure;
    expect(timed.reason).toBe('DOB has a time of day other than midnight (map it with the datetime step)');
    expect(columnDateStep('datetime', ['mm/dd/yyyy'], 'SEEN')('03/14/2024 10:30 PM')).toBe('2024-03-14 22:30:00');
    expect(columnDateStep('datetime', ['yyyy-mm-dd'], 'SEEN')('2024-03-14')).toBe('2024-03-14 00:00:00');
  });

  it('gives the full reader result on the fast paths (dd/mm/yyyy, ISO) for every shape of value', () => {
    const p = (n: number) => String(n).padStart(2, '0');
    const values: string[] = [];
    for (let i = 0; i < 600; i++) {
      const [d, m, y] = [(i % 33) + 0, (i % 14) + 0, 1790 + ((i * 7) % 420)];
      values.push(
        `${p(d)}/${p(m)}/${y}`,
        `${d}/${m}/${y}`,
        `${y}-${p(m)}-${p(d)}`,
        `${d}-${m}-${y}`,
        `${p(d)}/${p(m)}/${y} 10:00`,
      );
    }
    const formats: DateFormatName[][] = [['dd/mm/yyyy'], ['yyyy-mm-dd'], ['dd/mm/yyyy', 'yyyy-mm-dd']];
    for (const fs of formats) {
      const step = columnDateStep('date', fs, 'C');
      for (const v of values) {
        const read = fs.map((f) => readDate(f, v)).find((r) => typeof r === 'object');
        const want = read && (read.time === undefined || read.time === '00:00:00') ? read.date : 'failure';
        const got = step(v);
        expect([fs, v, got instanceof StepFailure ? 'failure' : got]).toEqual([fs, v, want]);
      }
    }
  });
});
