import type { DetectedType, PatternCounts } from './profile-model.js';

/** What type inference needs to know about a column. */
export interface TypeEvidence {
  nonEmpty: number;
  distinct: number;
  distinctIsEstimate: boolean;
  maxLength: number | undefined;
  matches: PatternCounts;
  /** Real dates / date-times per layout. */
  dateFormats: Readonly<Record<string, number>>;
}

/** A detected type, its layout (dates) and the share of non-empty values conforming to it. */
export interface InferredType {
  type: DetectedType;
  format?: string;
  conformingShare: number;
}

/** Share of values that must match for a strict type (numbers, flags); legacy data has a few defects. */
export const strictShare = 0.95;
/** Share of values that must match for a shaped type (dates, NHS numbers, postcodes). */
export const shapedShare = 0.9;
/** Low cardinality: at most this many distinct values, of at most `codeMaxLength` characters. */
export const codeMaxDistinct = 50;
export const codeMaxLength = 12;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Chooses a column's type from the patterns its values matched. Order matters: an NHS number is also an
 * integer, a flag could be a code. Thresholds tolerate a few defective values.
 *
 * @example
 * inferType({ nonEmpty: 100, matches: { nhsNumberShaped: 100, nhsNumberValid: 97, ... }, ... })
 * // => { type: 'nhs_number', conformingShare: 0.97 }
 */
export function inferType(e: TypeEvidence): InferredType {
  const n = e.nonEmpty;
  if (n === 0) return { type: 'empty', conformingShare: 0 };
  const m = e.matches;
  const share = (k: number) => round4(k / n);
  const lowCardinality =
    !e.distinctIsEstimate &&
    e.distinct <= codeMaxDistinct &&
    e.distinct * 2 <= n &&
    (e.maxLength ?? 0) <= codeMaxLength;

  if (m.nhsNumberShaped / n >= shapedShare && m.nhsNumberValid >= m.nhsNumberShaped / 2) {
    return { type: 'nhs_number', conformingShare: share(m.nhsNumberValid) };
  }
  if (m.flag / n >= strictShare && e.distinct <= 4) return { type: 'flag', conformingShare: share(m.flag) };
  if ((m.dateShaped + m.datetimeShaped) / n >= shapedShare) {
    const type = m.datetimeShaped > m.dateShaped ? 'datetime' : 'date';
    return { type, format: layoutOf(e.dateFormats), conformingShare: share(m.date + m.datetime) };
  }
  if (m.integer / n >= strictShare) {
    const type = lowCardinality && m.leadingZero > 0 ? 'code' : 'integer';
    return { type, conformingShare: share(m.integer) };
  }
  if (m.decimal / n >= strictShare) return { type: 'decimal', conformingShare: share(m.decimal) };
  if (m.postcode / n >= 0.8) return { type: 'postcode', conformingShare: share(m.postcode) };
  if (lowCardinality) return { type: 'code', conformingShare: 1 };
  return { type: 'text', conformingShare: 1 };
}

/** The one layout used, or `mixed`; undefined when no value was a real date. */
function layoutOf(formats: Readonly<Record<string, number>>): string | undefined {
  const used = Object.keys(formats).filter((k) => (formats[k] ?? 0) > 0);
  if (used.length === 0) return undefined;
  return used.length === 1 ? used[0] : 'mixed';
}
