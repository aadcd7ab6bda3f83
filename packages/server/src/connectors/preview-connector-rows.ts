import { readPostgresTablePage, readSourceTablePage, type SourceRowPage } from '@ferry/core';
import type { OpenedConnector } from './connector-source.js';

/** One page of a source table's rows, whatever the connector type. */
export function previewConnectorRows(
  opened: OpenedConnector,
  table: string,
  offset: number,
  limit: number,
): Promise<SourceRowPage> {
  if (opened.kind === 'postgres')
    return readPostgresTablePage({
      connectionString: opened.connectionString,
      schema: opened.schema,
      table,
      offset,
      limit,
    });
  if (opened.kind === 'source') {
    const { source } = opened;
    return readSourceTablePage(source, table, offset, limit).finally(() => source.close());
  }
  return readSourceTablePage(opened.source, table, offset, limit);
}
