import { guessIdentifier } from '../privacy/identifier-guess.js';
import type { IdentifierKind } from '../privacy/identifier-kind.js';
import { DateFormatCensus, dateFormatMask, decideDateFormat, mayBeDate } from '../transform/date-format-census.js';
import { dateFormatNames } from '../transform/date-formats.js';
import { compareCodeUnits } from './code-unit-order.js';
import { detectValueTraits, emptyTraits } from './format-detector.js';
import type { ColumnProfile, DateFormatCensusProfile, PatternCounts } from './profile-model.js';
import { countMask, layoutOfMask, shapeBits, traitMask } from './trait-mask.js';
import { inferType } from './type-inference.js';
import { TypedExtremes } from './typed-extremes.js';
import { type FrequencySummary, ValueFrequency } from './value-frequency.js';

/** Options shared by every column of a profile run. */
export interface ColumnStatsOptions {
  topN: number;
  smallCellThreshold: number;
  exactDistinctCap: number;
  sketchCapacity: number;
}

/** Bit of a date mask saying the value has a time of day (format bits are 0..9). */
const TIME_BIT = 1 << 15;
/** The formats written as dates (not bare day counts). */
const writtenDateBits = dateFormatNames.reduce(
  (m, f, i) => (f === 'excel_serial' || f === 'horolog' ? m : m | (1 << i)),
  0,
);
/** Share of non-empty values written as dates for the profile to judge the column's date format. */
const dateCensusShare = 0.5;

const emptyCounts = (): PatternCounts => ({
  integer: 0,
  decimal: 0,
  leadingZero: 0,
  dateShaped: 0,
  date: 0,
  datetimeShaped: 0,
  datetime: 0,
  flag: 0,
  nhsNumberShaped: 0,
  nhsNumberValid: 0,
  postcode: 0,
});

/**
 * Streams one column's values into constant-size statistics. Nulls are '' (or a field missing from a
 * ragged row); blanks are whitespace only; every other value counts as non-empty. Distinct counts and
 * top values use the value as written; type detection and extremes use it trimmed.
 *
 * @example
 * const s = new ColumnStats('SEX', options);
 * for (const v of ['M', 'F', '', ' ']) s.add(v);
 * s.finish(); // { name: 'SEX', rows: 4, nulls: 1, blanks: 1, nonEmpty: 2, ... }
 */
export class ColumnStats {
  private rows = 0;
  private nulls = 0;
  private blanks = 0;
  private minLength = Number.POSITIVE_INFINITY;
  private maxLength = -1;
  private readonly counts = emptyCounts();
  /** Values shaped as e-mail addresses, telephone numbers, and names (letters only): for the identifier guess. */
  private readonly shapes = { email: 0, phone: 0, alphabetic: 0 };
  /** Date and date-time layouts seen (real dates only), and how many values had each. */
  private readonly layouts: string[] = [];
  private readonly layoutCounts: number[] = [];
  /** Trait masks of the values counted exactly, by frequency slot. */
  private masks = new Uint32Array(1024);
  /** Date-format masks of the values counted exactly, by frequency slot (see `dateFormatMask`, TIME_BIT). */
  private dateMasks = new Uint16Array(1024);
  private readonly dateCensus = new DateFormatCensus();
  /** Values written as a date in at least one format. */
  private writtenDates = 0;
  private readonly traits = emptyTraits();
  private readonly extremes = new TypedExtremes();
  private readonly frequency: ValueFrequency;

  /**
   * @param identifier the column identifies people or records: `true` for a key (its values are never shown, whatever
   *   their counts), or the kind of personal identifier a catalog declares (values and extremes never shown). Columns
   *   whose values or name show them to be identifiers (NHS numbers, names, dates of birth, postcodes, telephone
   *   numbers, e-mail addresses, hospital numbers) are treated so without being told: see `guessIdentifier`.
   */
  constructor(
    private readonly name: string,
    private readonly options: ColumnStatsOptions,
    private readonly identifier: boolean | IdentifierKind = false,
  ) {
    this.frequency = new ValueFrequency(options);
  }

  add(raw: string | undefined): void {
    this.rows++;
    if (raw === undefined || raw === '') {
      this.nulls++;
      return;
    }
    if (raw.length < this.minLength) this.minLength = raw.length;
    if (raw.length > this.maxLength) this.maxLength = raw.length;
    const value = raw.trim();
    if (value === '') {
      this.blanks++;
      return;
    }
    const slot = this.frequency.add(raw);
    if (slot >= 0 && !this.frequency.lastWasNew) {
      // A repeat: same traits as its first appearance, and it cannot move the extremes.
      this.count(this.masks[slot]!);
      this.countDate(this.dateMasks[slot]!);
      return;
    }
    const mask = this.examine(value);
    const dateMask = examineDate(value);
    if (slot >= 0) {
      if (slot >= this.masks.length) this.growMasks();
      this.masks[slot] = mask;
      this.dateMasks[slot] = dateMask;
    }
    this.count(mask);
    this.countDate(dateMask);
  }

  /** Detects a new value's traits, updates the extremes and returns the traits as a mask. */
  private examine(value: string): number {
    const t = detectValueTraits(value, this.traits);
    this.extremes.addText(value);
    if (t.decimal) this.extremes.addNumber(t.numeric!, value);
    if (t.isoDate) this.extremes.addDate(t.isoDate);
    if (t.isoDateTime) this.extremes.addDateTime(t.isoDateTime);
    const layout = t.isoDate ? t.dateShape : t.isoDateTime ? t.datetimeShape : undefined;
    return traitMask(
      t,
      layout === undefined ? undefined : this.layoutIndex(layout),
      value.charCodeAt(0) === 48 && value.length > 1,
    );
  }

  private count(mask: number): void {
    countMask(mask, this.counts);
    if (mask & shapeBits.email) this.shapes.email++;
    if (mask & shapeBits.phone) this.shapes.phone++;
    if (mask & shapeBits.alphabetic) this.shapes.alphabetic++;
    const layout = layoutOfMask(mask);
    if (layout >= 0) this.layoutCounts[layout]!++;
  }

  private countDate(dateMask: number): void {
    this.dateCensus.addMask(dateMask & ~TIME_BIT, (dateMask & TIME_BIT) !== 0);
    if (dateMask & writtenDateBits) this.writtenDates++;
  }

  /** The column's date-format census, when enough of its values are written as dates. */
  private dateFormatCensus(nonEmpty: number): DateFormatCensusProfile | undefined {
    if (nonEmpty === 0 || this.writtenDates < dateCensusShare * nonEmpty) return undefined;
    const counts = this.dateCensus.counts();
    const d = decideDateFormat(counts);
    return {
      values: counts.values,
      fitNone: counts.fitNone,
      withTime: counts.withTime,
      fits: { ...counts.fits },
      fitBoth: counts.fitBoth,
      decision: d.status,
      ...(d.status === 'decided' ? { format: d.format } : {}),
      ...(d.status === 'ambiguous' ? { candidates: d.candidates, reason: d.reason } : {}),
      ambiguous: d.status === 'ambiguous',
    };
  }

  private layoutIndex(layout: string): number {
    let i = this.layouts.indexOf(layout);
    if (i < 0) {
      i = this.layouts.push(layout) - 1;
      this.layoutCounts.push(0);
    }
    return i;
  }

  private growMasks(): void {
    const bigger = new Uint32Array(this.masks.length * 2);
    bigger.set(this.masks);
    this.masks = bigger;
    const biggerDates = new Uint16Array(bigger.length);
    biggerDates.set(this.dateMasks);
    this.dateMasks = biggerDates;
  }

  /** The column's profile; call once, after the last value. */
  finish(): ColumnProfile {
    const { topN, smallCellThreshold } = this.options;
    const frequency = this.frequency.summary(topN, smallCellThreshold);
    const dateFormats = Object.fromEntries(
      this.layouts.map((l, i) => [l, this.layoutCounts[i]!] as const).sort((a, b) => compareCodeUnits(a[0], b[0])),
    );
    const nonEmpty = this.rows - this.nulls - this.blanks;
    const hasLength = this.maxLength >= 0;
    const inferred = inferType({
      nonEmpty,
      distinct: frequency.distinct,
      distinctIsEstimate: frequency.distinctIsEstimate,
      maxLength: hasLength ? this.maxLength : undefined,
      matches: this.counts,
      dateFormats,
    });
    const census = this.dateFormatCensus(nonEmpty);
    const identifier =
      typeof this.identifier === 'string'
        ? this.identifier
        : guessIdentifier({
            name: this.name,
            nonEmpty,
            nhsNumberShaped: this.counts.nhsNumberShaped,
            nhsNumberValid: this.counts.nhsNumberValid,
            postcode: this.counts.postcode,
            email: this.shapes.email,
            phone: this.shapes.phone,
            dates: this.counts.date + this.counts.datetime,
            alphabetic: this.shapes.alphabetic,
          });
    const extremes = identifier ? { extremes: 'withheld' as const } : this.extremes.forType(inferred.type);
    return {
      name: this.name,
      rows: this.rows,
      nulls: this.nulls,
      blanks: this.blanks,
      nonEmpty,
      distinct: frequency.distinct,
      distinctIsEstimate: frequency.distinctIsEstimate,
      ...(hasLength ? { minLength: this.minLength, maxLength: this.maxLength } : {}),
      detectedType: inferred.type,
      ...(inferred.format !== undefined ? { format: inferred.format } : {}),
      conformingShare: inferred.conformingShare,
      ...extremes,
      matches: { ...this.counts },
      dateFormats,
      ...(census ? { dateFormatCensus: census } : {}),
      ...shownValues(
        frequency,
        this.identifier !== false || identifier !== undefined || inferred.type === 'nhs_number',
      ),
      ...(identifier ? { identifier } : {}),
    };
  }
}

/** A trimmed value's date-format mask, with TIME_BIT when it has a time of day. */
function examineDate(value: string): number {
  if (!mayBeDate(value)) return 0;
  const { mask, time } = dateFormatMask(value);
  return mask === 0 ? 0 : mask | (time ? TIME_BIT : 0);
}

/** Top values as published: all withheld for identifying columns, else those the small-cell rule allows. */
function shownValues(f: FrequencySummary, withheld: boolean) {
  return {
    topValues: withheld ? [] : f.topValues,
    topValuesAreApproximate: f.topValuesAreApproximate,
    suppressed: withheld ? f.distinct : f.suppressed,
    topValuesWithheld: withheld,
  };
}
