/**
 * A second reader of source dates, written apart from the load's (`transform/date-formats.ts`) on purpose: the
 * reconciliation re-reads raw source values with it and compares them with what the target holds, so a wrong or
 * broken load transform cannot vouch for itself. It builds each layout from a template and checks a date by a round
 * trip through the JavaScript calendar, where the load reads digits by position and checks month lengths itself.
 */

/** Templates of the layouts with separators: D day, M month, Y four-digit year, y two-digit year, `/` any of `/-.`. */
const templates: Record<string, string> = {
  'dd/mm/yyyy': 'D/M/Y',
  'mm/dd/yyyy': 'M/D/Y',
  'yyyy-mm-dd': 'Y-M-D',
  'dd/mm/yy': 'D/M/y',
  'mm/dd/yy': 'M/D/y',
};
const compactOrder: Record<string, string> = { yyyymmdd: 'YMD', ddmmyyyy: 'DMY', mmddyyyy: 'MDY' };
const width: Record<string, number> = { Y: 4, M: 2, D: 2 };

function templatePattern(template: string): RegExp {
  const sep = template.startsWith('Y') ? '[-/]' : '[-/.]';
  let source = '';
  let separators = 0;
  for (const ch of template) {
    if (ch === '/' || ch === '-') {
      // The second separator must repeat the first.
      source += separators++ === 0 ? `(?<sep>${sep})` : '\\k<sep>';
      continue;
    }
    const digits = ch === 'Y' ? '\\d{4}' : ch === 'y' ? '\\d{2}' : template.startsWith('Y') ? '\\d{2}' : '\\d{1,2}';
    source += `(?<${ch}>${digits})`;
  }
  return new RegExp(`^${source}(?:[ T](?<time>.+))?$`);
}

const patterns = new Map(Object.entries(templates).map(([name, t]) => [name, templatePattern(t)]));

/** A real calendar date as ISO text, by a round trip through Date.UTC; undefined when it is not one. */
function calendarDate(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2200) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

function clock(text: string | undefined): string | undefined {
  if (text === undefined) return '00:00:00';
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  const t = new Date(Date.UTC(2000, 0, 1, h, Number(m[2]), Number(m[3] ?? 0)));
  if (h > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  return t.toISOString().slice(11, 19);
}

function dayCount(epochUtc: number, days: number, fraction: number): string | undefined {
  const t = new Date(epochUtc + Math.round((days + fraction) * 86_400) * 1000);
  const y = t.getUTCFullYear();
  if (y < 1800 || y > 2200) return undefined;
  return `${t.toISOString().slice(0, 10)} ${t.toISOString().slice(11, 19)}`;
}

/**
 * Reads a raw source value in a named format as `yyyy-mm-dd hh:mm:ss` (midnight when it has no time), or undefined.
 *
 * @example
 * readDateIndependently('mm/dd/yyyy', ' 03/14/2024 ') // => '2024-03-14 00:00:00'
 */
export function readDateIndependently(format: string, raw: string): string | undefined {
  const value = raw.trim();
  const pattern = patterns.get(format);
  if (pattern) {
    const g = pattern.exec(value)?.groups;
    if (!g) return undefined;
    const y = g.Y !== undefined ? Number(g.Y) : Number(g.y) + (Number(g.y) < 30 ? 2000 : 1900);
    const date = calendarDate(y, Number(g.M), Number(g.D));
    const time = clock(g.time);
    return date && time ? `${date} ${time}` : undefined;
  }
  const order = compactOrder[format];
  if (order) {
    const [datePart, timePart] = value.split(/ (.*)/s);
    if (!/^\d{8}$/.test(datePart ?? '')) return undefined;
    const parts: Record<string, number> = {};
    let at = 0;
    for (const ch of order) {
      parts[ch] = Number(datePart!.slice(at, at + width[ch]!));
      at += width[ch]!;
    }
    const date = calendarDate(parts.Y!, parts.M!, parts.D!);
    const time = clock(timePart);
    return date && time ? `${date} ${time}` : undefined;
  }
  if (format === 'excel_serial') {
    const m = /^(\d+)(\.\d+)?$/.exec(value);
    if (!m) return undefined;
    const serial = Number(m[1]);
    // Excel counts a 29 February 1900 that never was: serials from 61 on are one day ahead of a plain count.
    if (serial < 1 || serial === 60) return undefined;
    const epoch = Date.UTC(1900, 0, 1) - (serial >= 61 ? 2 : 1) * 86_400_000;
    return dayCount(epoch, serial, Number(`0${m[2] ?? ''}`));
  }
  if (format === 'horolog') {
    const m = /^(\d+)(?:,(\d+))?$/.exec(value);
    if (!m || Number(m[2] ?? 0) >= 86_400) return undefined;
    return dayCount(Date.UTC(1840, 11, 31), Number(m[1]), Number(m[2] ?? 0) / 86_400);
  }
  return undefined;
}
