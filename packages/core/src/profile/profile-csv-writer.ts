import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatCsvRow } from '../connectors/csv/csv-writer.js';
import type { ColumnProfile, ProfileReport, TableProfile } from './profile-model.js';

/** Header of `profile.csv`: one row per table.column, for people. */
export const profileCsvHeader = [
  'table',
  'column',
  'table_rows',
  'table_ragged_rows',
  'nulls',
  'blanks',
  'non_empty',
  'distinct',
  'distinct_is_estimate',
  'min_length',
  'max_length',
  'detected_type',
  'format',
  'conforming_share',
  'min',
  'max',
  'top_values',
  'suppressed',
] as const;

const text = (v: number | string | boolean | undefined) => (v === undefined ? '' : String(v));

function columnRow(table: TableProfile, c: ColumnProfile): string[] {
  return [
    table.name,
    c.name,
    text(table.rows),
    text(table.raggedRows),
    text(c.nulls),
    text(c.blanks),
    text(c.nonEmpty),
    text(c.distinct),
    c.distinctIsEstimate ? 'Y' : 'N',
    text(c.minLength),
    text(c.maxLength),
    c.detectedType,
    text(c.format),
    text(c.conformingShare),
    text(c.min),
    text(c.max),
    c.topValuesWithheld
      ? 'withheld (identifier)'
      : c.topValues.map((v) => `${v.value} (${c.topValuesAreApproximate ? '>=' : ''}${v.count})`).join('; '),
    text(c.suppressed),
  ];
}

/** The text of `profile.csv`. */
export function formatProfileCsv(report: ProfileReport): string {
  let out = formatCsvRow(profileCsvHeader);
  for (const table of report.tables) for (const column of table.columns) out += formatCsvRow(columnRow(table, column));
  return out;
}

/**
 * Writes `profile.csv` (creating its folder): one row per table.column with the headline statistics.
 *
 * @example
 * await writeProfileCsv(report, 'run/profile/profile.csv');
 */
export async function writeProfileCsv(report: ProfileReport, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatProfileCsv(report), 'utf8');
}
