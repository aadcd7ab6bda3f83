import {
  conflictingDateFormats,
  type DateFormatName,
  dateFormatNames,
  type ReadOutcome,
  readDate,
} from './date-formats.js';

/**
 * Of the values that fit the decided format, at least this share must fit it and not its rival (e.g. a day > 12 for
 * dd/mm/yyyy against mm/dd/yyyy), and at least one value. Real dates have a day > 12 about 60% of the time; a
 * column where a handful of values in thousands tell the two apart is more likely a typo than proof.
 */
export const minDistinguishingShare = 0.01;

/** How many values of a column fit each date format. Plain data (it goes into profiles). */
export interface DateFormatCounts {
  /** Non-blank values counted. */
  values: number;
  /** Values that fit no format. */
  fitNone: number;
  /** Values with a time of day (in at least one format they fit). */
  withTime: number;
  /** Values that fit each format (read as a real date), formats with none left out. */
  fits: Partial<Record<DateFormatName, number>>;
  /** For each conflicting pair that both have fits, `a|b`: values that fit both. */
  fitBoth: Record<string, number>;
}

/** What a column's values say its date format is. */
export type DateFormatDecision =
  | { status: 'decided'; format: DateFormatName }
  | { status: 'ambiguous'; candidates: DateFormatName[]; reason: string }
  /** Non-blank values, none of which is a date in any format. */
  | { status: 'undated' }
  /** No non-blank value to decide from. */
  | { status: 'empty' };

const digitsOnly = /^\d+$/;

/** The formats a value fits, as bits (bit i: `dateFormatNames[i]`), and whether it has a time. */
export function dateFormatMask(value: string): { mask: number; time: boolean } {
  // Digits alone are a date only as a day count (up to 6 digits) or a compact date (8): skip long identifiers fast.
  if (value.length > 6 && value.length !== 8 && digitsOnly.test(value)) return { mask: 0, time: false };
  let mask = 0;
  let time = false;
  for (let i = 0; i < dateFormatNames.length; i++) {
    const r: ReadOutcome = readDate(dateFormatNames[i]!, value);
    if (r !== undefined && r !== 'invalid') {
      mask |= 1 << i;
      if (r.time !== undefined) time = true;
    }
  }
  return { mask, time };
}

/** Cheap test that a value could be a date in some format: starts with a digit, at most 24 characters. */
export function mayBeDate(value: string): boolean {
  const c = value.charCodeAt(0);
  return c >= 48 && c <= 57 && value.length >= 1 && value.length <= 24;
}

/** Distinct values a census remembers the masks of (about 4 MB at most). */
const maxRemembered = 50_000;

const pairKey = (a: DateFormatName, b: DateFormatName) => `${a}|${b}`;
const bit = (f: DateFormatName) => 1 << dateFormatNames.indexOf(f);

/**
 * Counts, over a whole column, how many values fit each date format: the evidence a column's format is decided from.
 * Constant memory; `addMask` lets a caller that caches masks per distinct value count repeats cheaply.
 *
 * @example
 * const census = new DateFormatCensus();
 * for (const v of ['03/14/2024', '01/02/2024']) census.add(v);
 * decideDateFormat(census.counts()) // => { status: 'decided', format: 'mm/dd/yyyy' }
 */
export class DateFormatCensus {
  private values = 0;
  private fitNone = 0;
  private withTime = 0;
  private readonly fits = new Array<number>(dateFormatNames.length).fill(0);
  private readonly both = new Array<number>(conflictingDateFormats.length).fill(0);
  /** Masks of values seen (dates repeat: birth dates, admission days), bit 15 for a time; bounded. */
  private readonly seen = new Map<string, number>();

  /** Adds one value (trimmed here); blanks are not counted. */
  add(raw: string): void {
    const value = raw.trim();
    if (value === '') return;
    if (!mayBeDate(value)) {
      this.addMask(0, false);
      return;
    }
    let packed = this.seen.get(value);
    if (packed === undefined) {
      const { mask, time } = dateFormatMask(value);
      packed = mask | (time ? 1 << 15 : 0);
      if (this.seen.size < maxRemembered) this.seen.set(value, packed);
    }
    this.addMask(packed & 0x7fff, (packed & (1 << 15)) !== 0);
  }

  /** Adds a value by its mask (see {@link dateFormatMask}). */
  addMask(mask: number, time: boolean): void {
    this.values++;
    if (mask === 0) {
      this.fitNone++;
      return;
    }
    if (time) this.withTime++;
    for (let i = 0; i < this.fits.length; i++) if (mask & (1 << i)) this.fits[i]!++;
    for (let p = 0; p < conflictingDateFormats.length; p++) {
      const [a, b] = conflictingDateFormats[p]!;
      if (mask & bit(a) && mask & bit(b)) this.both[p]!++;
    }
  }

  counts(): DateFormatCounts {
    const fits: Partial<Record<DateFormatName, number>> = {};
    dateFormatNames.forEach((f, i) => {
      if (this.fits[i]! > 0) fits[f] = this.fits[i]!;
    });
    const fitBoth: Record<string, number> = {};
    conflictingDateFormats.forEach(([a, b], p) => {
      if (this.fits[dateFormatNames.indexOf(a)]! > 0 && this.fits[dateFormatNames.indexOf(b)]! > 0)
        fitBoth[pairKey(a, b)] = this.both[p]!;
    });
    return { values: this.values, fitNone: this.fitNone, withTime: this.withTime, fits, fitBoth };
  }
}

/**
 * Decides a column's date format from its counts, never value by value:
 * - the format that the most values fit, if no other format fits as many;
 * - unless a conflicting format (dd/mm/yyyy vs mm/dd/yyyy, ...) also has values: then the column is decided only when
 *   some values fit the leader and not the rival (at least {@link minDistinguishingShare} of the leader's) and no
 *   value fits the rival and not the leader. Otherwise it is ambiguous, and a person must declare the format.
 *
 * Values that fit no format, or another format than the decided one, do not change the decision: at load they are
 * rejects (DATE_FORMAT_MISMATCH).
 *
 * @example
 * decideDateFormat({ values: 2, fitNone: 0, withTime: 0, fits: { 'dd/mm/yyyy': 2, 'mm/dd/yyyy': 2 }, fitBoth: { 'dd/mm/yyyy|mm/dd/yyyy': 2 } })
 * // => { status: 'ambiguous', candidates: ['dd/mm/yyyy', 'mm/dd/yyyy'], reason: '2 values fit both dd/mm/yyyy and mm/dd/yyyy, none only one' }
 */
export function decideDateFormat(counts: DateFormatCounts): DateFormatDecision {
  if (counts.values === 0) return { status: 'empty' };
  const fitOf = (f: DateFormatName) => counts.fits[f] ?? 0;
  const best = Math.max(0, ...dateFormatNames.map(fitOf));
  if (best === 0) return { status: 'undated' };
  const leaders = dateFormatNames.filter((f) => fitOf(f) === best);
  if (leaders.length > 1) {
    return {
      status: 'ambiguous',
      candidates: [...leaders],
      reason: `${best} values fit each of ${leaders.join(', ')}`,
    };
  }
  const leader = leaders[0]!;
  for (const [a, b] of conflictingDateFormats) {
    if (a !== leader && b !== leader) continue;
    const rival = a === leader ? b : a;
    if (fitOf(rival) === 0) continue;
    const both = counts.fitBoth[pairKey(a, b)] ?? 0;
    const onlyLeader = fitOf(leader) - both;
    const onlyRival = fitOf(rival) - both;
    const candidates = [a, b];
    if (onlyRival > 0) {
      return {
        status: 'ambiguous',
        candidates,
        reason: `${onlyLeader} values fit only ${leader}, ${onlyRival} only ${rival} and ${both} both`,
      };
    }
    if (onlyLeader === 0) {
      return { status: 'ambiguous', candidates, reason: `${both} values fit both ${a} and ${b}, none only one` };
    }
    if (onlyLeader < Math.ceil(minDistinguishingShare * fitOf(leader))) {
      return {
        status: 'ambiguous',
        candidates,
        reason: `only ${onlyLeader} of ${fitOf(leader)} values fit ${leader} and not ${rival}`,
      };
    }
  }
  return { status: 'decided', format: leader };
}
