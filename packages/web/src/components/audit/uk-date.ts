/**
 * Reads a date as people in the UK write it, `dd/mm/yyyy` with an optional `hh:mm` (24-hour), in the browser's time
 * zone. Answers the instant as ISO 8601, null for an empty input, or an error message for anything else (including
 * dates that do not exist, like 31/02/2026). `endOfDay` reads a date without a time as the end of that day (a "to" bound).
 *
 * @example
 * parseUkDate('08/12/2026') // => { iso: '2026-12-08T00:00:00.000Z' } in Europe/London
 * parseUkDate('12/31/2026') // => { error: 'No month 31: use dd/mm/yyyy' }
 */
export function parseUkDate(text: string, endOfDay = false): { iso: string } | { error: string } | null {
  const value = text.trim();
  if (!value) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value);
  if (!m) return { error: 'Use dd/mm/yyyy, optionally with hh:mm' };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [hour, minute] = hasTime ? [Number(m[4]), Number(m[5])] : [0, 0];
  if (month < 1 || month > 12) return { error: `No month ${month}: use dd/mm/yyyy` };
  if (hour > 23 || minute > 59) return { error: `No time ${m[4]}:${m[5]}: use hh:mm, 24-hour` };
  const date = new Date(year, month - 1, day, hour, minute);
  if (date.getDate() !== day || date.getMonth() !== month - 1)
    return { error: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year} is not a date` };
  if (endOfDay && !hasTime) date.setDate(date.getDate() + 1);
  return { iso: date.toISOString() };
}
