import type { CsvRecord } from './csv-record.js';
import { CsvRecordParser } from './csv-record-parser.js';

/**
 * Parses CSV text held in memory into records with their line numbers (a leading BOM is dropped).
 * For small inputs such as config, catalog and crosswalk files; stream files with `readCsvRecords`.
 *
 * @example
 * parseCsvTextRecords('a,b\n"x\ny",z\n') // => [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x\ny', 'z'] }]
 */
export function parseCsvTextRecords(
  text: string,
  file = '<text>',
  maxFieldBytes = Number.MAX_SAFE_INTEGER,
): CsvRecord[] {
  const parser = new CsvRecordParser({ file, maxFieldBytes });
  const out: CsvRecord[] = [];
  parser.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, out);
  parser.end(out);
  return out;
}

/**
 * Parses CSV text held in memory into rows of fields (same rules as the file reader).
 *
 * @example
 * parseCsvText('id,name\r\n1,"O""Brien, Pat"\r\n') // => [['id', 'name'], ['1', 'O"Brien, Pat']]
 */
export function parseCsvText(text: string): string[][] {
  return parseCsvTextRecords(text).map((r) => r.fields);
}
