import type { Catalog } from '../catalog/catalog-model.js';

/**
 * The identifier columns a catalog declares: primary keys and references (foreign keys). Their frequent
 * values are individual records (one patient's 22 appointments), so a profile never shows them.
 *
 * @example
 * await profileSource(source, { identifierColumns: catalogIdentifierColumns(sourceCatalog) });
 */
export function catalogIdentifierColumns(catalog: Catalog): (table: string, column: string) => boolean {
  const ids = new Set<string>();
  for (const t of catalog.tables) {
    for (const c of t.columns) if (c.primaryKey || c.references) ids.add(`${t.name}\u0000${c.name}`);
  }
  return (table, column) => ids.has(`${table}\u0000${column}`);
}
