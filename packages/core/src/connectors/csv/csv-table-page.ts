import type { SourceRowPage } from '../source-row-page.js';
import type { CsvSourceConnector } from './csv-source-connector.js';

/**
 * Reads data rows `offset .. offset+limit-1` of a CSV table (header excluded, ragged rows included as they are,
 * with the line each starts on). Reading stops one row after the page, so a preview of a large file stays cheap
 * near its start.
 *
 * @example
 * const page = await readCsvTablePage(await CsvSourceConnector.open('extract/'), 'PATIENT', 0, 50);
 */
export async function readCsvTablePage(
  source: CsvSourceConnector,
  table: string,
  offset: number,
  limit: number,
): Promise<SourceRowPage> {
  const columns = await source.header(table);
  const rows: string[][] = [];
  const lines: number[] = [];
  let index = 0;
  let hasMore = false;
  for await (const record of source.rows(table)) {
    if (index++ < offset) continue;
    if (rows.length === limit) {
      hasMore = true;
      break;
    }
    rows.push(record.fields);
    lines.push(record.line);
  }
  return { columns, rows, offset, hasMore, lines };
}
