import { type Catalog, introspectCsvFolder, introspectPostgresCatalog, introspectSourceCatalog } from '@ferry/core';
import type { OpenedConnector } from './connector-source.js';

/** Data rows read per CSV table to infer column types. */
export const discoverySampleRows = 1000;

/**
 * Discovers a connector's tables and columns with core's catalog introspection: for CSV, types inferred from the
 * first rows of each file (`introspectCsvFolder`); for PostgreSQL, the system catalogs (`introspectPostgresCatalog`,
 * with keys and references).
 */
export async function discoverConnectorSchema(opened: OpenedConnector, name: string): Promise<Catalog> {
  if (opened.kind === 'postgres')
    return introspectPostgresCatalog({ connectionString: opened.connectionString, schema: opened.schema, name });
  if (opened.kind === 'source') {
    const { source } = opened;
    return introspectSourceCatalog(source, { sampleRows: discoverySampleRows, name }).finally(() => source.close());
  }
  return introspectCsvFolder(opened.dir, { encoding: opened.encoding, sampleRows: discoverySampleRows, name });
}
