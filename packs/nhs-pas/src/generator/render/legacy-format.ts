import { isoFromDay, spacedNhsNumber, ukDateTimeFromMinute, ukFromDay, ymdFromDay } from '@ferry/core';

/**
 * How the legacy PAS wrote values: UK dates, upper-case names, NHS numbers with or without spaces, postcodes as
 * typed, telephone numbers in several shapes, flags as Y/N. Small, deterministic imperfections (a trailing space, a
 * double space, lower-case codes) come from `Quirks`, keyed by table, row and column.
 */

/** `dd/mm/yyyy`, or '' for no date. */
export function ukDate(day: number | undefined): string {
  return day === undefined ? '' : ukFromDay(day);
}

/** `dd/mm/yyyy`, and now and then `d/m/yyyy` (older screens did not pad). */
export function ukDateLoose(day: number | undefined, q: number): string {
  if (day === undefined) return '';
  if (q < 0.92) return ukFromDay(day);
  const [y, m, d] = ymdFromDay(day);
  return `${d}/${m}/${y}`;
}

/** `dd/mm/yyyy hh:mm`, or ''. */
export function ukDateTime(minute: number | undefined): string {
  return minute === undefined ? '' : ukDateTimeFromMinute(minute);
}

/** Names in capitals, sometimes with a trailing space. */
export function legacyName(name: string | undefined, q: number): string {
  if (!name) return '';
  const upper = name.toUpperCase();
  return q < 0.04 ? `${upper} ` : upper;
}

/** Free text as typed: now and then a double space inside or a space at the end. */
export function legacyText(text: string | undefined, q: number): string {
  if (!text) return '';
  if (q < 0.03 && text.includes(' ')) return text.replace(' ', '  ');
  if (q > 0.98) return `${text} `;
  return text;
}

/** A local code as typed: upper case, and rarely lower case or with a trailing space. */
export function legacyCode(code: string | undefined, q: number): string {
  if (!code) return '';
  if (q < 0.03) return code.toLowerCase();
  if (q > 0.985) return `${code} `;
  return code;
}

/** Y or N (or 1 and 0 for the tables that stored flags as bits); '' when not recorded. */
export function legacyFlag(value: boolean | undefined, style: 'YN' | '10' = 'YN'): string {
  if (value === undefined) return '';
  if (style === '10') return value ? '1' : '0';
  return value ? 'Y' : 'N';
}

/** An NHS number as stored: 10 digits or `3 3 4` with spaces. */
export function legacyNhs(nhs: string | undefined, style: 'plain' | 'spaced'): string {
  if (!nhs) return '';
  return style === 'spaced' ? spacedNhsNumber(nhs) : nhs;
}

/** A postcode as typed: with its space, without it, or in lower case. */
export function legacyPostcode(postcode: string | undefined, style: 'spaced' | 'compact' | 'lower'): string {
  if (!postcode) return '';
  if (style === 'compact') return postcode.replace(' ', '');
  if (style === 'lower') return postcode.toLowerCase();
  return postcode;
}

/** Which shape a postcode was typed in, decided per row. */
export function postcodeStyle(q: number): 'spaced' | 'compact' | 'lower' {
  return q < 0.12 ? 'compact' : q < 0.15 ? 'lower' : 'spaced';
}

/**
 * A telephone number as typed from its national form `0113 496 0123`: as is, without spaces, with the area code
 * in brackets, or (mobiles) in international form `+44 7700 900123`.
 */
export function legacyPhone(phone: string | undefined, q: number): string {
  if (!phone) return '';
  if (q < 0.2) return phone.replaceAll(' ', '');
  if (q < 0.27 && phone.startsWith('07')) return `+44 ${phone.slice(1)}`;
  if (q < 0.32 && !phone.startsWith('07')) {
    const [area, ...rest] = phone.split(' ');
    return `(${area}) ${rest.join(' ')}`;
  }
  return phone;
}

/** An e-mail address as typed: sometimes capitalised. */
export function legacyEmail(email: string | undefined, q: number): string {
  if (!email) return '';
  if (q < 0.12)
    return email.replace(/^[a-z]/, (c) => c.toUpperCase()).replace(/@([a-z])/, (_, c: string) => `@${c.toUpperCase()}`);
  return email;
}

/** An integer, rarely zero-padded by an old screen. */
export function legacyInt(n: number | undefined, q = 1): string {
  if (n === undefined) return '';
  return q < 0.04 && n >= 0 && n < 10 ? `0${n}` : String(n);
}

/** ISO date for the few legacy columns holding ISO text. */
export function isoDateText(day: number | undefined): string {
  return day === undefined ? '' : isoFromDay(day);
}
