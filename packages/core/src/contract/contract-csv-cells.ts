/**
 * Cell encodings of the contract CSV for values that are lists or small structures.
 * Lists are items joined with `|`; an item containing `|` or `\` has them escaped with `\`.
 */

/** Joins list items with `|`, escaping `\` and `|` inside items. */
export function joinCsvList(items: readonly string[]): string {
  return items.map((s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|');
}

/** Splits a `|` list written by {@link joinCsvList}; a blank cell is the empty list. */
export function splitCsvList(cell: string): string[] {
  if (cell === '') return [];
  const out: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && i + 1 < cell.length) {
      item += cell[++i];
    } else if (ch === '|') {
      out.push(item);
      item = '';
    } else {
      item += ch;
    }
  }
  out.push(item);
  return out;
}

/** `Y` or `N`. */
export function formatYesNo(value: boolean): string {
  return value ? 'Y' : 'N';
}

const yes = new Set(['y', 'yes', 'true', '1']);
const no = new Set(['n', 'no', 'false', '0', '']);

/** Reads Y/N (also yes/no, true/false, 1/0; blank is N); undefined for anything else. */
export function parseYesNo(cell: string): boolean | undefined {
  const t = cell.trim().toLowerCase();
  if (yes.has(t)) return true;
  if (no.has(t)) return false;
  return undefined;
}
