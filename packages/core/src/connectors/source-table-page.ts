import type { SourceConnector } from './source-connector.js';
import type { SourceRowPage } from './source-row-page.js';

/**
 * One page of any source's table (rows `offset .. offset+limit-1` in its stable order), streamed: at most the page and
 * one more row are kept. Each row's position is given as its `lines` entry.
 */
export async function readSourceTablePage(
  source: SourceConnector,
  table: string,
  offset: number,
  limit: number,
): Promise<SourceRowPage> {
  const columns = await source.header(table);
  const rows: string[][] = [];
  const lines: number[] = [];
  let index = 0;
  let hasMore = false;
  for await (const r of source.rows(table)) {
    if (index++ < offset) continue;
    if (rows.length === limit) {
      hasMore = true;
      break;
    }
    rows.push(r.fields);
    lines.push(r.line);
  }
  return { columns, rows, offset, hasMore, lines };
}
