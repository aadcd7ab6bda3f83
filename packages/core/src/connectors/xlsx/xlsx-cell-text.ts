const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A date cell as text: `yyyy-mm-dd` when it has no time of day, else `yyyy-mm-ddThh:mm:ss`. Excel dates have no time
 * zone: the reader gives them as UTC, and they are written as read.
 */
export function xlsxDateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

/**
 * A cell's value as text: strings as they are, numbers and booleans in their plain form, dates as ISO dates
 * (`xlsxDateText`), rich text joined, a formula by its cached result, a hyperlink by its text, an error by its code
 * (`#N/A`), and an empty cell as the empty string.
 */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return xlsxDateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return xlsxCellText(v.result);
    if ('error' in v) return String(v.error);
    if ('text' in v) return xlsxCellText(v.text);
  }
  return String(value);
}
