const dmyTime = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const isoTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number, w = 2) => (n < 10 && w === 2 ? `0${n}` : String(n).padStart(w, '0'));

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= daysInMonth[m - 1]!;
}

/** The number written by the ASCII digits `raw[from, to)`, or -1 when one of them is not a digit (or none). */
function digitsAt(raw: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const SLASH = 47;
const HYPHEN = 45;

/**
 * Parses a date written dd/mm/yyyy (UK legacy) or yyyy-mm-dd (ISO) to ISO `yyyy-mm-dd`;
 * `undefined` when it is not a real calendar date.
 *
 * @example
 * parseUkOrIsoDate('03/02/1961') // => '1961-02-03'
 */
export function parseUkOrIsoDate(raw: string): string | undefined {
  // Read by hand rather than by regular expression: a load parses millions of dates.
  const len = raw.length;
  if (len === 10 && raw.charCodeAt(4) === HYPHEN && raw.charCodeAt(7) === HYPHEN) {
    const y = digitsAt(raw, 0, 4);
    const mo = digitsAt(raw, 5, 7);
    const d = digitsAt(raw, 8, 10);
    // Already canonical: the same text comes back.
    return y >= 0 && mo >= 0 && d >= 0 && validYmd(y, mo, d) ? raw : undefined;
  }
  // d/m/yyyy to dd/mm/yyyy: the year is the last four characters.
  if (len < 8 || len > 10 || raw.charCodeAt(len - 5) !== SLASH) return undefined;
  const first = raw.indexOf('/');
  if (first < 1 || first > 2 || len - 5 - first - 1 < 1 || len - 5 - first - 1 > 2) return undefined;
  const d = digitsAt(raw, 0, first);
  const mo = digitsAt(raw, first + 1, len - 5);
  const y = digitsAt(raw, len - 4, len);
  if (d < 0 || mo < 0 || y < 0 || !validYmd(y, mo, d)) return undefined;
  return `${pad(y, 4)}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Parses `dd/mm/yyyy hh:mm[:ss]` or ISO `yyyy-mm-dd hh:mm[:ss]` to `yyyy-mm-dd hh:mm:ss`
 * (the text form PostgreSQL gives a timestamp). A bare date gets 00:00:00.
 */
export function parseUkOrIsoDateTime(raw: string): string | undefined {
  let m = dmyTime.exec(raw);
  let parts: number[];
  if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  else {
    m = isoTime.exec(raw);
    if (!m) {
      const d = parseUkOrIsoDate(raw);
      return d ? `${d} 00:00:00` : undefined;
    }
    parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  }
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}
