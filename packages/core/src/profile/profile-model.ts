import { z } from 'zod';
import { identifierKindSchema } from '../privacy/identifier-kind.js';

/** The types a profile can detect from values (not declared: seen). */
export const detectedTypes = [
  'empty',
  'integer',
  'decimal',
  'date',
  'datetime',
  'flag',
  'nhs_number',
  'postcode',
  'code',
  'text',
] as const;
export type DetectedType = (typeof detectedTypes)[number];

/** How `min` and `max` were chosen; `withheld` for identifying columns (NHS numbers, postcodes, free text). */
export const extremesKinds = ['numeric', 'chronological', 'lexical', 'withheld', 'none'] as const;

const count = z.number().int().nonnegative();

/** Raw counts of non-empty values matching each pattern (the denominator is `nonEmpty`). */
export const patternCountsSchema = z.object({
  integer: count,
  decimal: count,
  /** Integers written with a leading zero ('01'): a sign of codes, not quantities. */
  leadingZero: count,
  /** Values laid out as a date, whether or not they are real calendar dates. */
  dateShaped: count,
  date: count,
  datetimeShaped: count,
  datetime: count,
  flag: count,
  nhsNumberShaped: count,
  /** Passing Modulus 11 and not a repdigit. */
  nhsNumberValid: count,
  postcode: count,
});
export type PatternCounts = z.infer<typeof patternCountsSchema>;

/**
 * How a column's values fit each source date format Ferry reads, and the format the whole column decides
 * (`transform/date-format-census.ts`): what the load will read the column as, or why a person must choose.
 */
export const dateFormatCensusSchema = z.object({
  /** Non-blank values counted. */
  values: count,
  /** Values that fit no date format. */
  fitNone: count,
  /** Values with a time of day. */
  withTime: count,
  /** Values that are a real date in each format (formats no value fits left out). */
  fits: z.record(z.string(), count),
  /** Per pair of formats that read some text differently (`dd/mm/yyyy|mm/dd/yyyy`), values that fit both. */
  fitBoth: z.record(z.string(), count),
  /** `decided`: one format; `ambiguous`: a person must choose; `undated`: no value is a date. */
  decision: z.enum(['decided', 'ambiguous', 'undated', 'empty']),
  /** The decided format. */
  format: z.string().optional(),
  /** The formats a person must choose between, and why (counts only). */
  candidates: z.array(z.string()).optional(),
  reason: z.string().optional(),
  /** True when the values fit more than one format and a load would refuse the column until one is declared. */
  ambiguous: z.boolean(),
});
export type DateFormatCensusProfile = z.infer<typeof dateFormatCensusSchema>;

export const valueCountSchema = z.object({ value: z.string(), count });

/** Statistics of one column. Nulls are empty strings (or fields missing from ragged rows); blanks are whitespace. */
export const columnProfileSchema = z.object({
  name: z.string(),
  rows: count,
  nulls: count,
  blanks: count,
  nonEmpty: count,
  distinct: count,
  distinctIsEstimate: z.boolean(),
  /** Length range of non-null values, as written (untrimmed). */
  minLength: count.optional(),
  maxLength: count.optional(),
  detectedType: z.enum(detectedTypes),
  /** Layout of date and date-time columns: one layout, or `mixed`. */
  format: z.string().optional(),
  /** Share of non-empty values that conform to the detected type (and are valid, for NHS numbers and postcodes). */
  conformingShare: z.number().min(0).max(1),
  extremes: z.enum(extremesKinds),
  min: z.string().optional(),
  max: z.string().optional(),
  matches: patternCountsSchema,
  /** Real dates and date-times per layout, keys sorted. */
  dateFormats: z.record(z.string(), count),
  /**
   * The column's date formats judged from all its values, for columns where at least half the non-empty values are
   * written as dates (day counts alone, Excel serials or Horolog, are never taken for dates: a contract declares or
   * maps them). Absent in profiles written before it existed.
   */
  dateFormatCensus: dateFormatCensusSchema.optional(),
  /** Values seen at least `smallCellThreshold` times, most frequent first. */
  topValues: z.array(valueCountSchema),
  topValuesAreApproximate: z.boolean(),
  /** Distinct values hidden: by small-cell suppression, or all of them when the column is an identifier. */
  suppressed: count,
  /**
   * True when no value is shown at any count because the column identifies people or records (an NHS number
   * column, or one the caller marked as an identifier, such as a key). Absent in profiles written before it
   * existed: read as false.
   */
  topValuesWithheld: z.boolean().default(false),
  /**
   * The kind of personal identifier the column holds, declared by the catalog or guessed from its values' shapes and
   * its name: its values, top values and extremes are never shown. Absent when nothing marks it.
   */
  identifier: identifierKindSchema.optional(),
});
export type ColumnProfile = z.infer<typeof columnProfileSchema>;

/** How a table's source file was read (sources that are files): encoding and how it was settled, delimiter, line end. */
export const profileSourceFileSchema = z.object({
  file: z.string(),
  encoding: z.string(),
  encodingSource: z.string(),
  delimiter: z.string(),
  delimiterSource: z.string(),
  lineEnding: z.string(),
});

export const tableProfileSchema = z.object({
  name: z.string(),
  /** How the file was read; absent for sources that are not files, and in profiles made before it was recorded. */
  sourceFile: profileSourceFileSchema.optional(),
  rows: count,
  /** Rows whose field count differs from the header's. */
  raggedRows: count,
  /**
   * Physical lines of records an unbalanced quote made of several lines (counted in `rows`; their values are not
   * profiled: which field each holds cannot be known).
   */
  malformedRows: count.default(0),
  columns: z.array(columnProfileSchema),
});
export type TableProfile = z.infer<typeof tableProfileSchema>;

export const profileSettingsSchema = z.object({
  topN: count,
  smallCellThreshold: count,
  exactDistinctCap: count,
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

/**
 * A source profile, v1. Deterministic: the same data gives the same JSON; the only time is the optional
 * `generatedAt`, which callers may leave out.
 *
 * @example
 * const report = profileReportSchema.parse(JSON.parse(readFileSync('profile.json', 'utf8')));
 */
export const profileReportSchema = z.object({
  version: z.literal(1),
  generatedAt: z.string().optional(),
  settings: profileSettingsSchema,
  tables: z.array(tableProfileSchema),
});
export type ProfileReport = z.infer<typeof profileReportSchema>;
