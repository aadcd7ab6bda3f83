/**
 * The layouts seen in a date column, most frequent first, with their counts.
 *
 * @example
 * formatsSeen({ 'yyyy-mm-dd': 3, 'dd/mm/yyyy': 412 }) // 'dd/mm/yyyy 412 · yyyy-mm-dd 3'
 */
export function formatsSeen(dateFormats: Record<string, number> | undefined): string {
  const entries = Object.entries(dateFormats ?? {}).filter(([, n]) => n > 0);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.map(([f, n]) => `${f} ${n.toLocaleString('en-GB')}`).join(' · ');
}
