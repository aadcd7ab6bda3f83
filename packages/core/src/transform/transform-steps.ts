import { parseUkOrIsoDate, parseUkOrIsoDateTime } from '../validation/dates.js';
import { isValidNhsNumber, normaliseNhsNumber } from '../validation/nhs-number.js';
import { normalisePostcode } from '../validation/postcode.js';

/** A step's result: the new value, or why the value is invalid (no patient values in the reason). */
export type StepResult = { ok: true; value: string } | { ok: false; reason: string };

/** A transform step: a pure function of one string value. Blank values ('') pass through every step unchanged. */
export type TransformStep = (value: string) => StepResult;

const ok = (value: string): StepResult => ({ ok: true, value });
const invalid = (reason: string): StepResult => ({ ok: false, reason });

/**
 * Title case for names: lower-case, then upper-case the first letter of the value and every letter that follows a
 * space, hyphen or apostrophe. `O'BRIEN` -> `O'Brien`, `SMITH-JONES` -> `Smith-Jones`, `MCDONALD` -> `Mcdonald`.
 */
export function titleCase(value: string): string {
  const lower = value.toLowerCase();
  let out = '';
  let upperNext = true;
  for (const ch of lower) {
    out += upperNext ? ch.toUpperCase() : ch;
    upperNext = ch === ' ' || ch === '-' || ch === "'";
  }
  return out;
}

const yes = new Set(['Y', 'YES', '1', 'T', 'TRUE']);
const no = new Set(['N', 'NO', '0', 'F', 'FALSE']);

/** The transform vocabulary of mapping contracts. See README.md in this folder. */
export const transformSteps: Record<string, TransformStep> = {
  trim: (v) => ok(v.trim()),
  upper: (v) => ok(v.toUpperCase()),
  lower: (v) => ok(v.toLowerCase()),
  title_case: (v) => ok(titleCase(v)),
  collapse_spaces: (v) => ok(v.replace(/\s+/g, ' ').trim()),
  nhs_number: (v) => {
    const n = normaliseNhsNumber(v);
    return isValidNhsNumber(n) ? ok(n) : invalid('NHS number is not 10 digits with a valid Modulus 11 check digit');
  },
  date: (v) => {
    const d = parseUkOrIsoDate(v.trim());
    return d ? ok(d) : invalid('not a valid date (expected dd/mm/yyyy or yyyy-mm-dd)');
  },
  datetime: (v) => {
    const d = parseUkOrIsoDateTime(v.trim());
    return d ? ok(d) : invalid('not a valid date-time (expected dd/mm/yyyy hh:mm or ISO)');
  },
  postcode: (v) => ok(normalisePostcode(v.trim())),
  integer: (v) => {
    const t = v.trim();
    return /^[+-]?\d{1,18}$/.test(t) ? ok(String(BigInt(t))) : invalid('not an integer');
  },
  decimal: (v) => {
    const t = v.trim();
    return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? ok(t) : invalid('not a decimal number');
  },
  yn: (v) => {
    const t = v.trim().toUpperCase();
    if (yes.has(t)) return ok('Y');
    if (no.has(t)) return ok('N');
    return invalid('not a yes/no flag');
  },
  phone: (v) => {
    const t = v.trim();
    const digits = t.replace(/[^\d]/g, '');
    return ok(t.startsWith('+') ? `+${digits}` : digits);
  },
};

export function isKnownStep(name: string): boolean {
  return Object.hasOwn(transformSteps, name);
}
