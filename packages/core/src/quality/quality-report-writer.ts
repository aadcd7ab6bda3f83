import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CsvFileWriter } from '../connectors/csv/csv-writer.js';
import type { QualityReport } from './quality-report.js';

/** The header of `issues.csv`. */
export const issuesCsvHeader = [
  'check_id',
  'severity',
  'target_table',
  'target_key',
  'source_table',
  'source_key',
  'field',
  'message',
] as const;

/**
 * Writes the quality report as pretty JSON (2 spaces, trailing newline).
 *
 * @example
 * await writeQualityReportJson(report, 'out/run/quality_report.json');
 */
export async function writeQualityReportJson(report: QualityReport, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
}

/**
 * Writes one CSV line per offending row kept in the report (checks in report order, rows in key order).
 * Messages name fields, never patient values. Returns the number of rows written.
 *
 * @example
 * await writeIssuesCsv(report, 'out/run/issues.csv');
 */
export async function writeIssuesCsv(report: QualityReport, path: string): Promise<number> {
  const w = await CsvFileWriter.open(path, issuesCsvHeader);
  for (const c of report.checks) {
    for (const o of c.offending) {
      await w.write([
        c.id,
        c.severity,
        c.table,
        o.targetKey,
        o.sourceTable ?? '',
        o.sourceKey ?? '',
        o.field,
        c.message,
      ]);
    }
  }
  await w.close();
  return w.rows;
}
