import type { Catalog } from './catalog-model.js';

/** A source table as found: its name and column names. */
export interface FoundSourceTable {
  name: string;
  columns: readonly string[];
}

/** How a source's tables and columns line up with a source catalog (names compared case-insensitively). */
export interface CatalogSourceMatch {
  /** In-scope catalog tables the source does not have. */
  missingTables: string[];
  /** Source tables the catalog does not describe (they are not read). */
  extraTables: string[];
  /** Catalog columns missing from a source table that is there. */
  missingColumns: { table: string; columns: string[] }[];
  /** In-scope catalog tables found. */
  matchedTables: number;
}

/**
 * Compares what a source holds with the catalog a pack expects, before a run finds out: in-scope tables the source
 * lacks, columns a table lacks, and tables the catalog does not know.
 *
 * @example
 * matchSourceToCatalog(catalog, [{ name: 'PATIENT', columns: ['PAT_ID', 'SURNAME'] }])
 * // { missingTables: ['REFERRAL'], extraTables: [], missingColumns: [{ table: 'PATIENT', columns: ['SEX'] }], matchedTables: 1 }
 */
export function matchSourceToCatalog(catalog: Catalog, found: readonly FoundSourceTable[]): CatalogSourceMatch {
  const byName = new Map(found.map((t) => [t.name.toLowerCase(), t]));
  const known = new Set(catalog.tables.map((t) => t.name.toLowerCase()));
  const match: CatalogSourceMatch = { missingTables: [], extraTables: [], missingColumns: [], matchedTables: 0 };
  for (const table of catalog.tables) {
    if (!table.inScope) continue;
    const source = byName.get(table.name.toLowerCase());
    if (!source) {
      match.missingTables.push(table.name);
      continue;
    }
    match.matchedTables++;
    const columns = new Set(source.columns.map((c) => c.trim().toLowerCase()));
    const missing = table.columns.filter((c) => !columns.has(c.name.toLowerCase())).map((c) => c.name);
    if (missing.length) match.missingColumns.push({ table: table.name, columns: missing });
  }
  match.extraTables = found.filter((t) => !known.has(t.name.toLowerCase())).map((t) => t.name);
  return match;
}
