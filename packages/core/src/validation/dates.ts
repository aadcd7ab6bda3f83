const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const iso = /^(\d{4})-(\d{2})-(\d{2})$/;
const dmyTime = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const isoTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number, w = 2) => (n < 10 && w === 2 ? `0${n}` : String(n).padStart(w, '0'));

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= daysInMonth[m - 1]!;
}

/**
 * Parses a date written dd/mm/yyyy (UK legacy) or yyyy-mm-dd (ISO) to ISO `yyyy-mm-dd`;
 * `undefined` when it is not a real calendar date.
 *
 * @example
 * parseUkOrIsoDate('03/02/1961') // => '1961-02-03'
 */
export function parseUkOrIsoDate(raw: string): string | undefined {
  let m = dmy.exec(raw);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  } else {
    m = iso.exec(raw);
    if (!m) return undefined;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    // Already canonical: the same text comes back.
    if (validYmd(y, mo, d)) return raw;
    return undefined;
  }
  return validYmd(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : undefined;
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
