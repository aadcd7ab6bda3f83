/**
 * Date arithmetic for synthetic data on day numbers (days since 1970-01-01, UTC) and minute numbers
 * (minutes since 1970-01-01 00:00), with converters to and from ISO text and the UK legacy form.
 * Pure integer arithmetic (Hinnant's civil calendar algorithms): no time zones, no `Date`, no clock.
 */

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => String(n).padStart(4, '0');

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
export function dayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date `[year, month, day]` of a day number. */
export function ymdFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/**
 * Day number of an ISO `yyyy-mm-dd` date.
 *
 * @example
 * dayFromIso('1970-01-02') // => 1
 */
export function dayFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayFromYmd(y, mo, d);
  const back = ymdFromDay(n);
  if (back[1] !== mo || back[2] !== d) throw new RangeError(`Not a calendar date: ${iso}`);
  return n;
}

/**
 * Formatted dates are cached per day for the days synthetic data mostly uses (1850-2149): writers format the same
 * few thousand days millions of times.
 */
const cacheFirst = -43_829; // 1850-01-01
const cacheSize = 109_572; // to 2149-12-31
const isoCache: Array<string | undefined> = new Array(cacheSize);
const ukCache: Array<string | undefined> = new Array(cacheSize);

/**
 * ISO `yyyy-mm-dd` of a day number.
 *
 * @example
 * isoFromDay(0) // => '1970-01-01'
 */
export function isoFromDay(dayNumber: number): string {
  const k = dayNumber - cacheFirst;
  const cached = k >= 0 && k < cacheSize ? isoCache[k] : undefined;
  if (cached !== undefined) return cached;
  const [y, m, d] = ymdFromDay(dayNumber);
  const text = `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
  if (k >= 0 && k < cacheSize && Number.isInteger(dayNumber)) isoCache[k] = text;
  return text;
}

/** UK legacy `dd/mm/yyyy` of a day number. */
export function ukFromDay(dayNumber: number): string {
  const k = dayNumber - cacheFirst;
  const cached = k >= 0 && k < cacheSize ? ukCache[k] : undefined;
  if (cached !== undefined) return cached;
  const [y, m, d] = ymdFromDay(dayNumber);
  const text = `${pad2(d)}/${pad2(m)}/${pad4(y)}`;
  if (k >= 0 && k < cacheSize && Number.isInteger(dayNumber)) ukCache[k] = text;
  return text;
}

/** Day of the week of a day number: 0 Monday ... 6 Sunday. */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** The first Monday-to-Friday day on or after this day. */
export function nextWeekday(dayNumber: number): number {
  const w = weekday(dayNumber);
  return w === 5 ? dayNumber + 2 : w === 6 ? dayNumber + 1 : dayNumber;
}

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonths(dayNumber: number, months: number): number {
  const [y, m, d] = ymdFromDay(dayNumber);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const dim = daysInMonth(ny, nm);
  return dayFromYmd(ny, nm, Math.min(d, dim));
}

/** Days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return dayFromYmd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromYmd(year, month, 1);
}

/**
 * Whole years between a date of birth and a later date (the age in years on that date).
 *
 * @example
 * ageOn(dayFromIso('2000-03-01'), dayFromIso('2026-02-28')) // => 25
 */
export function ageOn(birthDay: number, onDay: number): number {
  const [by, bm, bd] = ymdFromDay(birthDay);
  const [y, m, d] = ymdFromDay(onDay);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Minutes since 1970-01-01 00:00 of a day number and a time of day. */
export function minuteOf(dayNumber: number, hour: number, minute: number): number {
  return dayNumber * 1440 + hour * 60 + minute;
}

/** The day number of a minute number. */
export function dayOfMinute(minuteNumber: number): number {
  return Math.floor(minuteNumber / 1440);
}

/** ISO `yyyy-mm-dd hh:mm:ss` of a minute number (seconds are always 00). */
export function isoDateTimeFromMinute(minuteNumber: number): string {
  const day = Math.floor(minuteNumber / 1440);
  return `${isoFromDay(day)} ${hhmm[minuteNumber - day * 1440]}:00`;
}

/** UK legacy `dd/mm/yyyy hh:mm` of a minute number. */
export function ukDateTimeFromMinute(minuteNumber: number): string {
  const day = Math.floor(minuteNumber / 1440);
  return `${ukFromDay(day)} ${hhmm[minuteNumber - day * 1440]}`;
}

const hhmm: string[] = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

/** `hh:mm` of a minute number's time of day. */
export function hhmmFromMinute(minuteNumber: number): string {
  return hhmm[((minuteNumber % 1440) + 1440) % 1440]!;
}
