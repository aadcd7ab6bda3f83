import { z } from 'zod';
import { readCsvRecords } from '../connectors/csv/csv-reader.js';
import { FerryError } from '../errors.js';
import type { MigrationReport } from '../migrate/migration-report.js';
import { rejectsCsvHeader } from '../migrate/rejects-file.js';

export const tableRejectCountsSchema = z.object({
  sourceTable: z.string(),
  targetTable: z.string(),
  /** Rejected rows as migration_report.json counts them. */
  rejectedRows: z.number().int(),
  /** Distinct rows (source line and key) rejects.csv names for this table. */
  rowsInFile: z.number().int(),
  /** Lines of rejects.csv for this table: one per problem. */
  lines: z.number().int(),
});
export type TableRejectCounts = z.infer<typeof tableRejectCountsSchema>;

/** The rejected-row count of the migration report set against the lines of rejects.csv, table by table. */
export const rejectCountsSchema = z.object({
  rejectedRows: z.number().int(),
  rowsInFile: z.number().int(),
  lines: z.number().int(),
  /** Lines per reason code (a row with two problems counts under both). */
  linesByReason: z.record(z.string(), z.number().int()),
  /** Tables with a rejected row or a line, in report order; lines for a table the report has not come last. */
  tables: z.array(tableRejectCountsSchema),
  /** Every table's rows in rejects.csv equal its rejected count, and the file's lines equal the report's rejectRows. */
  agree: z.boolean(),
  explanation: z.string(),
});
export type RejectCounts = z.infer<typeof rejectCountsSchema>;

const col = (name: (typeof rejectsCsvHeader)[number]) => rejectsCsvHeader.indexOf(name);

function explain(c: Omit<RejectCounts, 'explanation' | 'agree'>, agree: boolean, reportLines: number): string {
  const several = c.tables.filter((t) => t.lines > t.rowsInFile);
  if (!agree) {
    const off = c.tables.filter((t) => t.rowsInFile !== t.rejectedRows);
    return (
      `rejects.csv and migration_report.json do not agree: ` +
      (off.length
        ? off
            .map(
              (t) => `${t.sourceTable} -> ${t.targetTable}: ${t.rejectedRows} rejected, ${t.rowsInFile} in rejects.csv`,
            )
            .join('; ')
        : `rejects.csv has ${c.lines} lines, the report counts ${reportLines}`)
    );
  }
  if (c.lines === c.rejectedRows) {
    return `rejects.csv has one line per rejected row (${c.rejectedRows}): no row was rejected for more than one problem.`;
  }
  return (
    `rejects.csv has ${c.lines} lines for ${c.rejectedRows} rejected rows because it has one line per problem, and ` +
    `some rows were rejected for several problems (${several.map((t) => `${t.sourceTable}: ${t.rowsInFile} rows, ${t.lines} lines`).join('; ')}). ` +
    `Counting distinct rows (source table, line and key) in rejects.csv gives ${c.rowsInFile}, as migration_report.json counts.`
  );
}

/**
 * Reads rejects.csv and sets it against the migration report: rows (distinct source table, target table, source line
 * and key) against each table's `rejected`, lines against `totals.rejectRows`. Keys are only counted, never kept.
 */
export async function countRejects(report: MigrationReport, rejectsCsvPath: string): Promise<RejectCounts> {
  const rows = new Map<string, Set<string>>();
  const lines = new Map<string, number>();
  const linesByReason: Record<string, number> = {};
  let header = true;
  for await (const { line, fields } of readCsvRecords(rejectsCsvPath)) {
    if (header) {
      if (fields.join(',') !== rejectsCsvHeader.join(',')) {
        throw new FerryError('FERRY_ERR_INPUT', `rejects.csv has an unexpected header`, { file: rejectsCsvPath, line });
      }
      header = false;
      continue;
    }
    const table = `${fields[col('source_table')]}\u0000${fields[col('target_table')]}`;
    const set = rows.get(table) ?? new Set<string>();
    set.add(`${fields[col('source_line')]}\u0000${fields[col('source_key')]}`);
    rows.set(table, set);
    lines.set(table, (lines.get(table) ?? 0) + 1);
    const reason = fields[col('reason_code')] ?? '';
    linesByReason[reason] = (linesByReason[reason] ?? 0) + 1;
  }
  const tables: TableRejectCounts[] = [];
  const seen = new Set<string>();
  for (const t of report.tables) {
    const id = `${t.sourceTable}\u0000${t.targetTable}`;
    seen.add(id);
    const rowsInFile = rows.get(id)?.size ?? 0;
    if (t.rejected || rowsInFile)
      tables.push({
        sourceTable: t.sourceTable,
        targetTable: t.targetTable,
        rejectedRows: t.rejected,
        rowsInFile,
        lines: lines.get(id) ?? 0,
      });
  }
  for (const [id, set] of rows) {
    if (seen.has(id)) continue;
    const [sourceTable = '', targetTable = ''] = id.split('\u0000');
    tables.push({ sourceTable, targetTable, rejectedRows: 0, rowsInFile: set.size, lines: lines.get(id) ?? 0 });
  }
  const counts = {
    rejectedRows: report.totals.rejected,
    rowsInFile: tables.reduce((n, t) => n + t.rowsInFile, 0),
    lines: [...lines.values()].reduce((n, x) => n + x, 0),
    linesByReason: Object.fromEntries(Object.entries(linesByReason).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    tables,
  };
  const agree = tables.every((t) => t.rowsInFile === t.rejectedRows) && counts.lines === report.totals.rejectRows;
  return { ...counts, agree, explanation: explain(counts, agree, report.totals.rejectRows) };
}
