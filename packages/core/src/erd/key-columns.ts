import type { Catalog, CatalogColumn } from '../catalog/catalog-model.js';
import { baseTableTokens, stemNamesTable, tableNameTokens } from './table-name-tokens.js';

/** A column other tables may refer to: a table's single-column primary key, or a code column that names its table. */
export interface KeyColumn {
  table: string;
  column: string;
  dataType: CatalogColumn['dataType'];
  /** An alternate key found by name (SPECIALTY.SPEC_CD beside the primary key SPEC_ID). */
  alternate: boolean;
}

/** Column-name suffixes of identifiers (surrogate keys, numbers) and of codes. */
export const idSuffixes = new Set(['ID', 'NO', 'NUM', 'NUMBER', 'KEY', 'SK', 'SEQ']);
export const codeSuffixes = new Set(['CD', 'CODE']);

/** `ID` for identifier names, `CODE` for code names, undefined for neither (by the last name token). */
export function keySuffixClass(column: string): 'ID' | 'CODE' | undefined {
  const last = tableNameTokens(column).at(-1) ?? '';
  if (idSuffixes.has(last)) return 'ID';
  if (codeSuffixes.has(last)) return 'CODE';
  return undefined;
}

/**
 * The key columns of a catalog: the primary key of every table keyed by one column, and alternate code keys of
 * tables keyed by an identifier (a non-key column `CODE` or `<stem>_CD`/`<stem>_CODE` whose stem names its table,
 * unless another table is named exactly by the stem).
 *
 * @example
 * keyColumns(catalog).filter((k) => k.table === 'SPECIALTY') // => SPEC_ID (primary), SPEC_CD (alternate)
 */
export function keyColumns(catalog: Catalog): KeyColumn[] {
  const out: KeyColumn[] = [];
  const baseNames = new Set(catalog.tables.map((t) => baseTableTokens(t.name).join('_')));
  for (const t of catalog.tables) {
    const pk = t.columns.filter((c) => c.primaryKey);
    if (pk.length !== 1) continue;
    out.push({ table: t.name, column: pk[0]!.name, dataType: pk[0]!.dataType, alternate: false });
    // Only a table keyed by a surrogate identifier has an alternate code key (a lookup keyed by CODE has none).
    if (keySuffixClass(pk[0]!.name) !== 'ID') continue;
    for (const c of t.columns) {
      if (c.primaryKey || keySuffixClass(c.name) !== 'CODE') continue;
      const stem = tableNameTokens(c.name).slice(0, -1).join('_');
      // WARD_CD in ADM_WARDSTAY names the WARD table, not ADM_WARDSTAY: a table named by the stem owns the code.
      const ownedElsewhere = baseNames.has(stem) && baseTableTokens(t.name).join('_') !== stem;
      if (stem === '' || (stemNamesTable(stem, t.name) && !ownedElsewhere))
        out.push({ table: t.name, column: c.name, dataType: c.dataType, alternate: true });
    }
  }
  return out;
}
