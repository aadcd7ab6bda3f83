import type { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { sha256Hex } from '../contract/canonical-json.js';
import { sha256File } from '../evidence/evidence-package.js';

/**
 * sha256 over every source file's name and content hash, in table order: what the source was, exactly. Reports of a
 * job name it (`ReportSubject.sourceFingerprint`) so that reports about different extracts are never mixed.
 *
 * @example
 * const fingerprint = await sourceFingerprint(await CsvSourceConnector.open('extract/')); // 'b94d27b9…'
 */
export async function sourceFingerprint(source: Pick<CsvSourceConnector, 'tables' | 'filePath'>): Promise<string> {
  const parts: string[] = [];
  for (const table of source.tables()) {
    const { sha256 } = await sha256File(source.filePath(table));
    parts.push(`${table}:${sha256}`);
  }
  return sha256Hex(parts.join('\n'));
}
