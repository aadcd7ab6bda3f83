import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatCsvRow } from '../connectors/csv/csv-writer.js';
import {
  type Catalog,
  catalogCsvHeader,
  catalogCsvIdentifierHeader,
  catalogCsvOptionalHeader,
} from './catalog-model.js';

/**
 * Formats a catalog as catalog CSV (UTF-8, LF, every column including code_type and in_scope; `identifier` too when
 * a column is flagged as one).
 * `parseCatalogCsv(formatCatalogCsv(c), file, { name: c.name })` gives back `c` (tables without columns
 * have no row and so are not kept).
 *
 * @example
 * formatCatalogCsv(catalog).split('\n')[0] // => 'table_name,column_name,data_type,...,code_type,in_scope'
 */
export function formatCatalogCsv(catalog: Catalog): string {
  const flagged = catalog.tables.some((t) => t.columns.some((c) => c.identifier !== undefined));
  let out = formatCsvRow([
    ...catalogCsvHeader,
    ...catalogCsvOptionalHeader,
    ...(flagged ? [catalogCsvIdentifierHeader] : []),
  ]);
  for (const table of catalog.tables) {
    for (const c of table.columns) {
      out += formatCsvRow([
        table.name,
        c.name,
        c.dataType,
        c.maxLength === undefined ? '' : String(c.maxLength),
        String(c.nullable),
        String(c.primaryKey),
        c.references ?? '',
        c.description,
        c.codeType ?? '',
        String(table.inScope),
        ...(flagged ? [c.identifier ?? ''] : []),
      ]);
    }
  }
  return out;
}

/** Writes a catalog CSV file (creating its folder). */
export async function writeCatalogCsv(catalog: Catalog, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatCatalogCsv(catalog), 'utf8');
}
