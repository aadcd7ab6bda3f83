import { isoDateTimeFromMinute, isoFromDay } from '@ferry/core';

/**
 * How the target holds values (the form the CSV target writes): ISO dates, `yyyy-mm-dd hh:mm:ss` date-times,
 * national codes, Y/N flags, trimmed text with single spaces, telephone numbers as digits. These functions are the
 * generator's own statement of the target form, written from the facts; they never call the transform engine.
 */

export function isoDate(day: number | undefined): string {
  return day === undefined ? '' : isoFromDay(day);
}

export function isoDateTime(minute: number | undefined): string {
  return minute === undefined ? '' : isoDateTimeFromMinute(minute);
}

/** Y / N, or '' when not recorded. */
export function flagYN(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'Y' : 'N';
}

/** Free text as the target keeps it: trimmed, runs of white space as one space. */
export function tidy(text: string | undefined): string {
  return text ? text.replace(/\s+/g, ' ').trim() : '';
}

/** Codes and identifiers: trimmed, upper case. */
export function upperCode(code: string | undefined): string {
  return code ? code.trim().toUpperCase() : '';
}

/** Telephone numbers: the digits of the number as given, with a leading + kept for international form. */
export function phoneDigits(asTyped: string): string {
  const t = asTyped.trim();
  if (!t) return '';
  const digits = t.replace(/\D/g, '');
  return t.startsWith('+') ? `+${digits}` : digits;
}

/** Postcodes: upper case, one space before the inward code. */
export function postcodeForm(postcode: string | undefined): string {
  if (!postcode) return '';
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function intText(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}
