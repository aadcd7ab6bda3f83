import type { CsvIssueList } from './csv-issue-list.js';
import type { CsvRecord } from './csv-record.js';

/**
 * Column positions of a headed CSV file whose columns are known by name (catalog, crosswalk).
 * Names are matched trimmed and case-insensitively, in any order. Missing required columns,
 * unknown columns and repeated columns are reported to `issues`; the map is returned anyway.
 *
 * @example
 * const columns = mapCsvHeader(records[0], ['code_type', 'source_code'], ['notes'], issues);
 * const code = record.fields[columns.get('source_code')!];
 */
export function mapCsvHeader(
  header: CsvRecord,
  required: readonly string[],
  optional: readonly string[],
  issues: CsvIssueList,
): Map<string, number> {
  const known = new Set([...required, ...optional]);
  const columns = new Map<string, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!known.has(name)) {
      issues.add(header.line, raw, `unknown column in the header (expected ${[...required, ...optional].join(', ')})`);
    } else if (columns.has(name)) {
      issues.add(header.line, name, 'column appears twice in the header');
    } else {
      columns.set(name, i);
    }
  });
  for (const name of required) {
    if (!columns.has(name)) issues.add(header.line, name, 'required column is missing from the header');
  }
  return columns;
}

/** True for a record that is a blank line (one empty or all-space field): config files may have them. */
export function isBlankCsvRecord(record: CsvRecord): boolean {
  return record.fields.length === 1 && record.fields[0]!.trim() === '';
}
