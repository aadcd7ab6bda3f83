import { parseUkOrIsoDate } from '../validation/dates.js';
import { type DateFormatName, readDate } from './date-formats.js';
import { StepFailure, type StringStep } from './transform-steps.js';

const SLASH = 47;
const HYPHEN = 45;

/**
 * The hand-written reader of the two commonest layouts (a load reads millions of dates), for a value it can read:
 * `dd/mm/yyyy` with `/` and ISO `yyyy-mm-dd` without a time. Anything else (and a value it cannot read) goes to the
 * format's full reader, which also says why a value does not fit.
 */
function fastReader(format: DateFormatName): ((t: string) => string | undefined) | undefined {
  if (format === 'dd/mm/yyyy') {
    return (t) =>
      t.length >= 8 && t.length <= 10 && t.charCodeAt(t.length - 5) === SLASH ? parseUkOrIsoDate(t) : undefined;
  }
  if (format === 'yyyy-mm-dd') {
    return (t) => (t.length === 10 && t.charCodeAt(4) === HYPHEN ? parseUkOrIsoDate(t) : undefined);
  }
  return undefined;
}

/** The transform steps that read a date from the column's format. */
export const dateStepNames = new Set(['date', 'datetime']);

/**
 * The `date` or `datetime` step of one contract field, reading its values in the column's format(s) only: one decided
 * from the whole column, or those declared in the contract row (several only when no two read a text differently).
 * A value in another layout is a DATE_FORMAT_MISMATCH; one in the layout but not a real date or time (31/02/2020) is
 * INVALID_VALUE; `date` refuses a value with a time of day other than midnight (map it with `datetime`).
 * Messages name the column and the format, never the value.
 *
 * @example
 * const step = columnDateStep('date', ['mm/dd/yyyy'], 'DOB');
 * step('03/14/2024') // => '2024-03-14'
 * step('2024-03-14') // => StepFailure DATE_FORMAT_MISMATCH 'DOB is not in the date format mm/dd/yyyy'
 */
export function columnDateStep(
  kind: 'date' | 'datetime',
  formats: readonly DateFormatName[],
  column: string,
): StringStep {
  const expected = formats.join(' or ');
  const mismatch = new StepFailure(`${column} is not in the date format ${expected}`, 'DATE_FORMAT_MISMATCH');
  const invalid = new StepFailure(`${column} is not a real date or time (format ${expected})`);
  const timed = new StepFailure(`${column} has a time of day other than midnight (map it with the datetime step)`);
  const fast = kind === 'date' ? formats.map(fastReader) : [];
  return (v) => {
    const t = v.trim();
    for (const f of fast) {
      const r = f?.(t);
      if (r !== undefined) return r;
    }
    let laidOut = false;
    for (const f of formats) {
      const r = readDate(f, t);
      if (r === undefined) continue;
      if (r === 'invalid') {
        laidOut = true;
        continue;
      }
      if (kind === 'datetime') return `${r.date} ${r.time ?? '00:00:00'}`;
      return r.time === undefined || r.time === '00:00:00' ? r.date : timed;
    }
    return laidOut ? invalid : mismatch;
  };
}
