import type { Catalog } from '../catalog/catalog-model.js';
import type { IdentifierKind } from '../privacy/identifier-kind.js';

/**
 * The identifier columns a catalog declares: primary keys and references (foreign keys), whose frequent values are
 * individual records (one patient's 22 appointments), and columns flagged `identifier` (NHS numbers, names, dates of
 * birth...), whose values identify people. A profile never shows the values of either; for the second it answers the
 * declared kind, so extremes are withheld too.
 *
 * @example
 * await profileSource(source, { identifierColumns: catalogIdentifierColumns(sourceCatalog) });
 */
export function catalogIdentifierColumns(
  catalog: Catalog,
): (table: string, column: string) => boolean | IdentifierKind {
  const ids = new Map<string, true | IdentifierKind>();
  for (const t of catalog.tables) {
    for (const c of t.columns) {
      if (c.identifier) ids.set(`${t.name}\u0000${c.name}`, c.identifier);
      else if (c.primaryKey || c.references) ids.set(`${t.name}\u0000${c.name}`, true);
    }
  }
  return (table, column) => ids.get(`${table}\u0000${column}`) ?? false;
}
