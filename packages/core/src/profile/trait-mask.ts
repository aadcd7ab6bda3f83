import type { ValueTraits } from './format-detector.js';
import type { PatternCounts } from './profile-model.js';

/** Bits of a value's traits, so a repeated value can be counted without being examined again. */
const bits = {
  integer: 1 << 0,
  decimal: 1 << 1,
  leadingZero: 1 << 2,
  dateShaped: 1 << 3,
  date: 1 << 4,
  datetimeShaped: 1 << 5,
  datetime: 1 << 6,
  flag: 1 << 7,
  nhsNumberShaped: 1 << 8,
  nhsNumberValid: 1 << 9,
  postcode: 1 << 10,
} as const satisfies Record<keyof PatternCounts, number>;

/** Bits of the shapes the identifier guess reads (not pattern counts of the profile). */
export const shapeBits = { email: 1 << 16, phone: 1 << 17, alphabetic: 1 << 18 } as const;

/** Bits 11..15 hold 1 + the index of the value's real date layout (0: none). */
const layoutShift = 11;

/**
 * Packs a value's traits (and the index of its date layout) into one integer.
 *
 * @example
 * traitMask(detectValueTraits('03/02/1961'), 0) // dateShaped | date | layout 1
 */
export function traitMask(t: ValueTraits, layoutIndex: number | undefined, leadingZero: boolean): number {
  let m = 0;
  if (t.integer) m |= bits.integer;
  if (t.integer && leadingZero) m |= bits.leadingZero;
  if (t.decimal) m |= bits.decimal;
  if (t.dateShape) m |= bits.dateShaped;
  if (t.isoDate) m |= bits.date;
  if (t.datetimeShape) m |= bits.datetimeShaped;
  if (t.isoDateTime) m |= bits.datetime;
  if (t.flag) m |= bits.flag;
  if (t.nhsShaped) m |= bits.nhsNumberShaped;
  if (t.nhsValid) m |= bits.nhsNumberValid;
  if (t.postcode) m |= bits.postcode;
  if (t.email) m |= shapeBits.email;
  if (t.phone) m |= shapeBits.phone;
  if (t.alphabetic) m |= shapeBits.alphabetic;
  if (layoutIndex !== undefined) m |= (layoutIndex + 1) << layoutShift;
  return m;
}

/** The date layout index packed in a mask, or -1. */
export function layoutOfMask(mask: number): number {
  return ((mask >>> layoutShift) & 0x1f) - 1;
}

/** Adds one value's traits to the column's pattern counts. */
export function countMask(mask: number, counts: PatternCounts): void {
  if (mask & bits.integer) counts.integer++;
  if (mask & bits.decimal) counts.decimal++;
  if (mask & bits.leadingZero) counts.leadingZero++;
  if (mask & bits.dateShaped) counts.dateShaped++;
  if (mask & bits.date) counts.date++;
  if (mask & bits.datetimeShaped) counts.datetimeShaped++;
  if (mask & bits.datetime) counts.datetime++;
  if (mask & bits.flag) counts.flag++;
  if (mask & bits.nhsNumberShaped) counts.nhsNumberShaped++;
  if (mask & bits.nhsNumberValid) counts.nhsNumberValid++;
  if (mask & bits.postcode) counts.postcode++;
}
