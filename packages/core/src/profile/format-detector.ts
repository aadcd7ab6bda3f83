import { isAlphabetic, isEmailShaped, isPhoneShaped } from '../privacy/value-shapes.js';
import { parseUkOrIsoDate, parseUkOrIsoDateTime } from '../validation/dates.js';
import { isRepdigit, isValidNhsNumber, normaliseNhsNumber } from '../validation/nhs-number.js';
import { isValidPostcode } from '../validation/postcode.js';

/** What one trimmed, non-blank value looks like. */
export interface ValueTraits {
  /** Optional sign and digits only. */
  integer: boolean;
  /** Integer or digits with a decimal point. */
  decimal: boolean;
  /** The number, when `decimal`. */
  numeric: number | undefined;
  /** Date layout matched (`dd/mm/yyyy`, `d/m/yyyy`, `yyyy-mm-dd`), even when not a real calendar date. */
  dateShape: string | undefined;
  /** ISO `yyyy-mm-dd` when the value is a real calendar date. */
  isoDate: string | undefined;
  /** Date-time layout matched, e.g. `dd/mm/yyyy hh:mm`. */
  datetimeShape: string | undefined;
  /** ISO `yyyy-mm-dd hh:mm:ss` when the value is a real date-time. */
  isoDateTime: string | undefined;
  /** Y/N, YES/NO, TRUE/FALSE, T/F in any case. */
  flag: boolean;
  /** Ten digits once spaces and hyphens are removed. */
  nhsShaped: boolean;
  /** Passes Modulus 11 and is not a repdigit placeholder. */
  nhsValid: boolean;
  /** A valid UK postcode or ZZ99 pseudo-postcode. */
  postcode: boolean;
  /** Shaped as an e-mail address. */
  email: boolean;
  /** Shaped as a telephone number (10 to 13 digits, starting 0 or +). */
  phone: boolean;
  /** Letters, spaces, hyphens, apostrophes and dots only (how names are written). */
  alphabetic: boolean;
}

const integerPattern = /^[+-]?\d+$/;
const decimalPattern = /^[+-]?(?:\d+\.\d*|\.\d+)$/;
const nhsPattern = /^\d{10}$/;
const flagValues = new Set(['Y', 'N', 'YES', 'NO', 'TRUE', 'FALSE', 'T', 'F']);
const dateShapes: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\d{2}\/\d{2}\/\d{4}$/, 'dd/mm/yyyy'],
  [/^\d{1,2}\/\d{1,2}\/\d{4}$/, 'd/m/yyyy'],
  [/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd'],
];
const datetimeShapes: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, 'dd/mm/yyyy hh:mm'],
  [/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/, 'dd/mm/yyyy hh:mm:ss'],
  [/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, 'yyyy-mm-dd hh:mm'],
  [/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/, 'yyyy-mm-dd hh:mm:ss'],
];

function matchShape(value: string, shapes: ReadonlyArray<readonly [RegExp, string]>): string | undefined {
  for (const [pattern, name] of shapes) if (pattern.test(value)) return name;
  return undefined;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Describes one trimmed, non-blank value: number, date or date-time layout, flag, NHS number, postcode.
 * Cheap first-character tests skip the patterns that cannot match. Pass `into` to reuse one object
 * (it is overwritten and returned).
 *
 * @example
 * detectValueTraits('03/02/1961').isoDate // => '1961-02-03'
 * detectValueTraits('943 476 5919').nhsValid // => true
 */
export function detectValueTraits(value: string, into: ValueTraits = emptyTraits()): ValueTraits {
  const first = value.charCodeAt(0);
  const startsNumeric = isDigit(first) || first === 43 || first === 45 || first === 46;
  const integer = startsNumeric && integerPattern.test(value);
  const decimal = integer || (startsNumeric && decimalPattern.test(value));
  const traits = into;
  traits.integer = integer;
  traits.decimal = decimal;
  traits.numeric = decimal ? Number(value) : undefined;
  traits.dateShape = undefined;
  traits.isoDate = undefined;
  traits.datetimeShape = undefined;
  traits.isoDateTime = undefined;
  traits.flag = value.length <= 5 && flagValues.has(value.toUpperCase());
  traits.nhsShaped = false;
  traits.nhsValid = false;
  traits.postcode = false;
  traits.email = false;
  traits.phone = (isDigit(first) || first === 43 || first === 40) && isPhoneShaped(value);
  traits.alphabetic = !startsNumeric && isAlphabetic(value);
  if (!startsNumeric && value.includes('@')) traits.email = isEmailShaped(value);
  if (isDigit(first)) {
    if (!integer) detectDates(value, traits);
    const nhs = value.length === 10 ? value : value.length <= 13 ? normaliseNhsNumber(value) : '';
    if (nhsPattern.test(nhs)) {
      traits.nhsShaped = true;
      traits.nhsValid = isValidNhsNumber(nhs) && !isRepdigit(nhs);
    }
  } else if (value.length >= 5 && value.length <= 8 && !startsNumeric) {
    traits.postcode = isValidPostcode(value);
  }
  return traits;
}

/** A fresh traits object, all false: pass one to `detectValueTraits` to reuse it across values. */
export function emptyTraits(): ValueTraits {
  return {
    integer: false,
    decimal: false,
    numeric: undefined,
    dateShape: undefined,
    isoDate: undefined,
    datetimeShape: undefined,
    isoDateTime: undefined,
    flag: false,
    nhsShaped: false,
    nhsValid: false,
    postcode: false,
    email: false,
    phone: false,
    alphabetic: false,
  };
}

function detectDates(value: string, traits: ValueTraits): void {
  if (value.length <= 10) {
    traits.dateShape = matchShape(value, dateShapes);
    if (traits.dateShape) traits.isoDate = parseUkOrIsoDate(value);
    return;
  }
  traits.datetimeShape = matchShape(value, datetimeShapes);
  if (traits.datetimeShape) traits.isoDateTime = parseUkOrIsoDateTime(value.replace('T', ' '));
}
