import { detectValueTraits, emptyTraits } from '../profile/format-detector.js';
import { guessIdentifier } from './identifier-guess.js';
import type { IdentifierKind } from './identifier-kind.js';
import type { KeyedMask } from './keyed-mask.js';

/** A column of a page found to hold personal identifiers, and how it was found. */
export interface PageIdentifierColumn {
  column: string;
  kind: IdentifierKind;
  /** `declared`: the catalog flags it; `guessed`: its values' shapes or its name. */
  from: 'declared' | 'guessed';
}

/**
 * The columns of a page of rows (a preview, an export) that hold personal identifiers: those the catalog declares,
 * and those the page's own values and the column's name show to be (see `guessIdentifier`).
 *
 * @example
 * pageIdentifierColumns(['ID', 'NHS'], [['1', '9434765919']]) // => [{ column: 'NHS', kind: 'nhs_number', ... }]
 */
export function pageIdentifierColumns(
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
  declared: (column: string) => IdentifierKind | undefined = () => undefined,
): PageIdentifierColumn[] {
  const out: PageIdentifierColumn[] = [];
  const traits = emptyTraits();
  columns.forEach((column, i) => {
    const kind = declared(column);
    if (kind) {
      out.push({ column, kind, from: 'declared' });
      return;
    }
    const e = {
      name: column,
      nonEmpty: 0,
      nhsNumberShaped: 0,
      nhsNumberValid: 0,
      postcode: 0,
      email: 0,
      phone: 0,
      dates: 0,
      alphabetic: 0,
    };
    for (const row of rows) {
      const v = row[i]?.trim();
      if (!v) continue;
      const t = detectValueTraits(v, traits);
      e.nonEmpty++;
      if (t.nhsShaped) e.nhsNumberShaped++;
      if (t.nhsValid) e.nhsNumberValid++;
      if (t.postcode) e.postcode++;
      if (t.email) e.email++;
      if (t.phone) e.phone++;
      if (t.isoDate || t.isoDateTime) e.dates++;
      if (t.alphabetic) e.alphabetic++;
    }
    const guessed = guessIdentifier(e);
    if (guessed) out.push({ column, kind: guessed, from: 'guessed' });
  });
  return out;
}

/** The rows with every value of the identifier columns replaced by its keyed-hash token (a new array). */
export function maskPageRows(
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
  identifiers: readonly PageIdentifierColumn[],
  mask: KeyedMask,
): (string | null)[][] {
  const masked = new Set(identifiers.map((c) => columns.indexOf(c.column)));
  return rows.map((row) => row.map((v, i) => (masked.has(i) ? mask.mask(v ?? null) : (v ?? null))));
}
