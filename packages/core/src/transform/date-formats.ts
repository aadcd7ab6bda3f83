/**
 * The source date formats Ferry reads, each a strict reader of one layout. A column's format is decided from all of
 * its values (`date-format-census.ts`) or declared in its contract row (`sourceFormat`), never guessed per value.
 * See README.md in this folder for the rules.
 */
export const dateFormatNames = [
  'dd/mm/yyyy',
  'mm/dd/yyyy',
  'yyyy-mm-dd',
  'yyyymmdd',
  'ddmmyyyy',
  'mmddyyyy',
  'dd/mm/yy',
  'mm/dd/yy',
  'excel_serial',
  'horolog',
] as const;
export type DateFormatName = (typeof dateFormatNames)[number];

/**
 * Pairs of formats that read some text as two different dates (`03/04/2020`; `03042020`; `03/04/20`; `45000`).
 * A column that fits both of a pair cannot be decided from its values alone. No other two formats ever read the
 * same text (checked in date-formats.test.ts).
 */
export const conflictingDateFormats: ReadonlyArray<readonly [DateFormatName, DateFormatName]> = [
  ['dd/mm/yyyy', 'mm/dd/yyyy'],
  ['ddmmyyyy', 'mmddyyyy'],
  ['dd/mm/yy', 'mm/dd/yy'],
  ['excel_serial', 'horolog'],
];

/**
 * Two-digit years: `00`..`29` are 2000..2029, `30`..`99` are 1930..1999 (the Excel and Windows convention).
 * The quality checks `not_future` and `age_range` catch a column this pivot reads in the wrong century.
 */
export const twoDigitYearPivot = 30;

/** Years a date may have: older or later dates in a legacy extract are placeholders or typos. */
export const minYear = 1800;
export const maxYear = 2200;

/** A value read in a format: its ISO date, and its time of day when the value has one. */
export interface ReadDate {
  date: string;
  /** `hh:mm:ss`, when the value carried a time. */
  time?: string;
}

/** How a value fared in one format: read, laid out in the format but not a real date or time, or another layout. */
export type ReadOutcome = ReadDate | 'invalid' | undefined;

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether y-m-d is a real calendar date within the accepted years. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < minYear || y > maxYear || m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= daysInMonth[m - 1]!;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

const dayMs = 86_400_000;
/** Day 0 of each day count, as UTC milliseconds. */
const excelEpoch = Date.UTC(1899, 11, 30);
const horologEpoch = Date.UTC(1840, 11, 31);

function fromDayCount(epoch: number, days: number): string | undefined {
  const d = new Date(epoch + days * dayMs);
  const y = d.getUTCFullYear();
  return y < minYear || y > maxYear ? undefined : iso(y, d.getUTCMonth() + 1, d.getUTCDate());
}

function timeOfDay(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${pad2(h)}:${pad2(m)}:${pad2(seconds % 60)}`;
}

/** `hh:mm`, `hh:mm:ss`, optionally with AM/PM (hours 1..12 then). */
const timePart = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?$/;

/** Reads a time of day; 'invalid' when laid out as one but out of range, undefined when it is not a time. */
function readTime(text: string): string | 'invalid' | undefined {
  const m = timePart.exec(text);
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  const half = m[4]?.toUpperCase();
  if (half) {
    if (h < 1 || h > 12) return 'invalid';
    h = (h % 12) + (half === 'PM' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return 'invalid';
  return `${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

/** Splits `date[ time]` (or ISO `dateThh:mm`): the date text and the time text ('' when none). */
function splitTime(value: string, isoT: boolean): [string, string] {
  const space = value.indexOf(' ');
  if (space > 0) return [value.slice(0, space), value.slice(space + 1).trim()];
  if (isoT) {
    const t = value.indexOf('T');
    if (t > 0) return [value.slice(0, t), value.slice(t + 1)];
  }
  return [value, ''];
}

function withTime(date: string | undefined, timeText: string): ReadOutcome {
  if (date === undefined) return 'invalid';
  if (timeText === '') return { date };
  const time = readTime(timeText);
  if (time === undefined) return undefined;
  return time === 'invalid' ? 'invalid' : { date, time };
}

const dayMonthYear = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const dayMonthYear2 = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/;
const yearMonthDay = /^(\d{4})([-/])(\d{2})\2(\d{2})$/;
const eightDigits = /^\d{8}$/;
const excelSerial = /^(\d{1,6})(?:\.(\d+))?$/;
const horolog = /^(\d{1,6})(?:,(\d{1,5}))?$/;

function ymd(y: number, m: number, d: number): string | undefined {
  return isRealDate(y, m, d) ? iso(y, m, d) : undefined;
}

function century(yy: number): number {
  return yy < twoDigitYearPivot ? 2000 + yy : 1900 + yy;
}

type Reader = (value: string) => ReadOutcome;

function separated(pattern: RegExp, order: (m: RegExpExecArray) => [number, number, number], isoT = false): Reader {
  return (value) => {
    const [dateText, timeText] = splitTime(value, isoT);
    const m = pattern.exec(dateText);
    if (!m) return undefined;
    const [y, mo, d] = order(m);
    return withTime(ymd(y, mo, d), timeText);
  };
}

function compact(order: (v: string) => [number, number, number]): Reader {
  return (value) => {
    const [dateText, timeText] = splitTime(value, false);
    if (!eightDigits.test(dateText)) return undefined;
    const [y, mo, d] = order(dateText);
    return withTime(ymd(y, mo, d), timeText);
  };
}

const num = (s: string, from: number, to: number) => Number(s.slice(from, to));

/** One strict reader per format. */
const readers: Record<DateFormatName, Reader> = {
  'dd/mm/yyyy': separated(dayMonthYear, (m) => [Number(m[4]), Number(m[3]), Number(m[1])]),
  'mm/dd/yyyy': separated(dayMonthYear, (m) => [Number(m[4]), Number(m[1]), Number(m[3])]),
  'yyyy-mm-dd': separated(yearMonthDay, (m) => [Number(m[1]), Number(m[3]), Number(m[4])], true),
  yyyymmdd: compact((v) => [num(v, 0, 4), num(v, 4, 6), num(v, 6, 8)]),
  ddmmyyyy: compact((v) => [num(v, 4, 8), num(v, 2, 4), num(v, 0, 2)]),
  mmddyyyy: compact((v) => [num(v, 4, 8), num(v, 0, 2), num(v, 2, 4)]),
  'dd/mm/yy': separated(dayMonthYear2, (m) => [century(Number(m[4])), Number(m[3]), Number(m[1])]),
  'mm/dd/yy': separated(dayMonthYear2, (m) => [century(Number(m[4])), Number(m[1]), Number(m[3])]),
  excel_serial: (value) => {
    const m = excelSerial.exec(value);
    if (!m) return undefined;
    const serial = Number(m[1]);
    // Serial 60 is 29 February 1900, a day that never was (Excel kept Lotus 1-2-3's leap-year bug); 1..59 are a day
    // later than the count from 1899-12-30 says.
    if (serial < 1 || serial === 60) return 'invalid';
    const date = fromDayCount(serial < 60 ? excelEpoch + dayMs : excelEpoch, serial);
    if (date === undefined) return 'invalid';
    if (m[2] === undefined || /^0+$/.test(m[2])) return { date };
    const seconds = Math.round(Number(`0.${m[2]}`) * 86_400);
    return seconds >= 86_400 ? 'invalid' : { date, time: timeOfDay(seconds) };
  },
  horolog: (value) => {
    const m = horolog.exec(value);
    if (!m) return undefined;
    const date = fromDayCount(horologEpoch, Number(m[1]));
    if (date === undefined) return 'invalid';
    if (m[2] === undefined) return { date };
    const seconds = Number(m[2]);
    return seconds >= 86_400 ? 'invalid' : { date, time: timeOfDay(seconds) };
  },
};

/**
 * Reads a trimmed value in one format: its ISO date (and time), `'invalid'` when the value is laid out in the format
 * but is not a real date or time (31/02/2020, 25:00), undefined when it is laid out otherwise.
 *
 * @example
 * readDate('mm/dd/yyyy', '03/14/2024') // => { date: '2024-03-14' }
 * readDate('dd/mm/yyyy', '03/14/2024') // => 'invalid'
 * readDate('horolog', '66000,3600') // => { date: '2021-09-13', time: '01:00:00' }
 */
export function readDate(format: DateFormatName, value: string): ReadOutcome {
  return readers[format](value);
}

export function isDateFormatName(name: string): name is DateFormatName {
  return (dateFormatNames as readonly string[]).includes(name);
}

/** The formats of `formats` that conflict with each other (pairs), e.g. a declared `dd/mm/yyyy|mm/dd/yyyy`. */
export function conflictsWithin(formats: readonly DateFormatName[]): [DateFormatName, DateFormatName][] {
  return conflictingDateFormats.filter(([a, b]) => formats.includes(a) && formats.includes(b)).map(([a, b]) => [a, b]);
}
