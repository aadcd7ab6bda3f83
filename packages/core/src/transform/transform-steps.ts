import { FerryError } from '../errors.js';
import { parseUkOrIsoDate, parseUkOrIsoDateTime } from '../validation/dates.js';
import { isValidNhsNumber, normaliseNhsNumber } from '../validation/nhs-number.js';
import { normalisePostcode } from '../validation/postcode.js';
import type { RejectReason } from './reject-reasons.js';

/** A step's result: the new value, or why the value is invalid (no patient values in the reason). */
export type StepResult = { ok: true; value: string } | { ok: false; reason: string };

/** A transform step: a pure function of one string value. Blank values ('') pass through every step unchanged. */
export type TransformStep = (value: string) => StepResult;

/** Why a value failed a step (no patient values in it). One shared instance per reason: failing allocates nothing. */
export class StepFailure {
  /** @param code the reject reason: INVALID_VALUE, or DATE_FORMAT_MISMATCH for a value not in its column's format. */
  constructor(
    readonly reason: string,
    readonly code: RejectReason = 'INVALID_VALUE',
  ) {}
}

/**
 * A transform step in its allocation-free form, as the load runs it (millions of times): the new value, or the
 * step's shared {@link StepFailure}.
 */
export type StringStep = (value: string) => string | StepFailure;

const badNhsNumber = new StepFailure('NHS number is not 10 digits with a valid Modulus 11 check digit');
const badDate = new StepFailure('not a valid date (expected dd/mm/yyyy or yyyy-mm-dd)');
const badDateTime = new StepFailure('not a valid date-time (expected dd/mm/yyyy hh:mm or ISO)');
const badInteger = new StepFailure('not an integer');
const badDecimal = new StepFailure('not a decimal number');
const badFlag = new StepFailure('not a yes/no flag');

const SPACE = 32;
const HYPHEN = 45;
const APOSTROPHE = 39;

/**
 * Title case for names: lower-case, then upper-case the first letter of the value and every letter that follows a
 * space, hyphen or apostrophe. `O'BRIEN` -> `O'Brien`, `SMITH-JONES` -> `Smith-Jones`, `MCDONALD` -> `Mcdonald`.
 */
export function titleCase(value: string): string {
  const lower = value.toLowerCase();
  // Copies the unchanged runs between the letters it upper-cases (code point by code point, as a for-of would).
  let out = '';
  let from = 0;
  let upperNext = true;
  for (let i = 0; i < lower.length; ) {
    const cp = lower.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (upperNext) {
      const ch = width === 1 ? lower[i]! : lower.slice(i, i + 2);
      const up = ch.toUpperCase();
      if (up !== ch) {
        out += lower.slice(from, i) + up;
        from = i + width;
      }
    }
    upperNext = cp === SPACE || cp === HYPHEN || cp === APOSTROPHE;
    i += width;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

const yes = new Set(['Y', 'YES', '1', 'T', 'TRUE']);
const no = new Set(['N', 'NO', '0', 'F', 'FALSE']);
const integerText = /^[+-]?\d{1,18}$/;
const decimalText = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** White space other than a single space, or two in a row: only then does collapse_spaces change anything inside. */
const uncollapsed = /\s\s|[^\S ]/;

/**
 * The transform vocabulary of mapping contracts, allocation-free. See README.md in this folder. `date` and `datetime`
 * here read dd/mm/yyyy or ISO value by value: a compiled contract table never uses them so, it reads each column in
 * its one decided or declared format (`columnDateStep`).
 */
export const stringSteps: Record<string, StringStep> = {
  trim: (v) => v.trim(),
  upper: (v) => v.toUpperCase(),
  lower: (v) => v.toLowerCase(),
  title_case: titleCase,
  collapse_spaces: (v) => (uncollapsed.test(v) ? v.replace(/\s+/g, ' ') : v).trim(),
  nhs_number: (v) => {
    const n = normaliseNhsNumber(v);
    return isValidNhsNumber(n) ? n : badNhsNumber;
  },
  date: (v) => parseUkOrIsoDate(v.trim()) ?? badDate,
  datetime: (v) => parseUkOrIsoDateTime(v.trim()) ?? badDateTime,
  postcode: (v) => normalisePostcode(v.trim()),
  integer: (v) => {
    const t = v.trim();
    if (!integerText.test(t)) return badInteger;
    // Up to 15 digits a double is exact, and much cheaper than a BigInt.
    return t.length <= 15 ? String(Number(t)) : String(BigInt(t));
  },
  decimal: (v) => {
    const t = v.trim();
    return decimalText.test(t) ? t : badDecimal;
  },
  yn: (v) => {
    const t = v.trim().toUpperCase();
    if (yes.has(t)) return 'Y';
    if (no.has(t)) return 'N';
    return badFlag;
  },
  phone: (v) => {
    const t = v.trim();
    const digits = t.replace(/[^\d]/g, '');
    return t.startsWith('+') ? `+${digits}` : digits;
  },
};

/** The transform vocabulary of mapping contracts, each step returning a {@link StepResult}. */
export const transformSteps: Record<string, TransformStep> = Object.fromEntries(
  Object.entries(stringSteps).map(([name, step]): [string, TransformStep] => [
    name,
    (v) => {
      const r = step(v);
      return typeof r === 'string' ? { ok: true, value: r } : { ok: false, reason: r.reason };
    },
  ]),
);

export function isKnownStep(name: string): boolean {
  return Object.hasOwn(stringSteps, name);
}

/**
 * Adds a pack's own transform steps to the vocabulary (see `pack/pack-extensions.ts`). Registering the same function
 * again is a no-op; another function under a taken name is refused, so a pack never changes what a built-in or
 * another pack's step does.
 */
export function registerTransformSteps(steps: Readonly<Record<string, StringStep>>, owner: string): void {
  for (const [name, step] of Object.entries(steps)) {
    const existing = stringSteps[name];
    if (existing === step) continue;
    if (existing) {
      throw new FerryError('FERRY_ERR_INPUT', `Pack '${owner}' registers transform step '${name}', which is taken`, {
        field: name,
      });
    }
    stringSteps[name] = step;
    transformSteps[name] = (v) => {
      const r = step(v);
      return typeof r === 'string' ? { ok: true, value: r } : { ok: false, reason: r.reason };
    };
  }
}
