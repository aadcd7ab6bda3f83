import { compareCodeUnits } from './code-unit-order.js';
import { detectValueTraits } from './format-detector.js';
import type { ColumnProfile, PatternCounts } from './profile-model.js';
import { inferType } from './type-inference.js';
import { TypedExtremes } from './typed-extremes.js';
import { ValueFrequency } from './value-frequency.js';

/** Options shared by every column of a profile run. */
export interface ColumnStatsOptions {
  topN: number;
  smallCellThreshold: number;
  exactDistinctCap: number;
  sketchCapacity: number;
}

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
  private readonly dateFormats = new Map<string, number>();
  private readonly extremes = new TypedExtremes();
  private readonly frequency: ValueFrequency;

  constructor(
    private readonly name: string,
    private readonly options: ColumnStatsOptions,
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
    this.frequency.add(raw);
    this.extremes.addText(value);
    this.countTraits(value);
  }

  private countTraits(value: string): void {
    const t = detectValueTraits(value);
    const c = this.counts;
    if (t.integer) {
      c.integer++;
      if (value.length > 1 && value.charCodeAt(0) === 48) c.leadingZero++;
    }
    if (t.decimal) {
      c.decimal++;
      this.extremes.addNumber(t.numeric!, value);
    }
    if (t.dateShape) {
      c.dateShaped++;
      if (t.isoDate) {
        c.date++;
        this.countFormat(t.dateShape);
        this.extremes.addDate(t.isoDate);
      }
    }
    if (t.datetimeShape) {
      c.datetimeShaped++;
      if (t.isoDateTime) {
        c.datetime++;
        this.countFormat(t.datetimeShape);
        this.extremes.addDateTime(t.isoDateTime);
      }
    }
    if (t.flag) c.flag++;
    if (t.nhsShaped) c.nhsNumberShaped++;
    if (t.nhsValid) c.nhsNumberValid++;
    if (t.postcode) c.postcode++;
  }

  private countFormat(format: string): void {
    this.dateFormats.set(format, (this.dateFormats.get(format) ?? 0) + 1);
  }

  /** The column's profile; call once, after the last value. */
  finish(): ColumnProfile {
    const { topN, smallCellThreshold } = this.options;
    const frequency = this.frequency.summary(topN, smallCellThreshold);
    const dateFormats = Object.fromEntries([...this.dateFormats].sort((a, b) => compareCodeUnits(a[0], b[0])));
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
      ...this.extremes.forType(inferred.type),
      matches: { ...this.counts },
      dateFormats,
      topValues: frequency.topValues,
      topValuesAreApproximate: frequency.topValuesAreApproximate,
      suppressed: frequency.suppressed,
    };
  }
}
