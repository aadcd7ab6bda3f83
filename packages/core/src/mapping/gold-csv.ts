import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isBlankCsvRecord, mapCsvHeader } from '../connectors/csv/csv-header-map.js';
import { CsvIssueList } from '../connectors/csv/csv-issue-list.js';
import { readCsvBatches } from '../connectors/csv/csv-reader.js';
import type { CsvRecord } from '../connectors/csv/csv-record.js';
import { formatCsvRow, unguardCsvRecord } from '../connectors/csv/csv-writer.js';
import type { GoldMapping } from './mapping-evaluation.js';

/** Header of a gold mapping CSV file (columns in any order). */
export const goldCsvHeader = ['source_table', 'source_column', 'target_table', 'target_column'] as const;

/**
 * Gold mappings from the records of a gold CSV file (header first). Every problem (unknown or missing header
 * columns, ragged rows, blank cells) is reported at once in one FERRY_ERR_INPUT error naming file and line.
 */
export function goldFromCsvRecords(guardedRecords: readonly CsvRecord[], file: string): GoldMapping[] {
  const records = guardedRecords.map(unguardCsvRecord);
  const issues = new CsvIssueList(file);
  const header = records[0];
  if (!header) {
    issues.add(undefined, undefined, 'the file is empty: it has no header row');
    throw issues.toError('FERRY_ERR_INPUT', 'gold mapping file');
  }
  const columns = mapCsvHeader(header, goldCsvHeader, [], issues);
  issues.throwIfAny('FERRY_ERR_INPUT', 'gold mapping file');
  const out: GoldMapping[] = [];
  for (const record of records.slice(1)) {
    if (isBlankCsvRecord(record)) continue;
    if (record.fields.length !== header.fields.length) {
      issues.add(
        record.line,
        undefined,
        `record has ${record.fields.length} fields, header has ${header.fields.length}`,
      );
      continue;
    }
    const cell = (name: (typeof goldCsvHeader)[number]) => {
      const value = record.fields[columns.get(name)!]!.trim();
      if (value === '') issues.add(record.line, name, 'blank');
      return value;
    };
    out.push({
      sourceTable: cell('source_table'),
      sourceColumn: cell('source_column'),
      targetTable: cell('target_table'),
      targetColumn: cell('target_column'),
    });
  }
  issues.throwIfAny('FERRY_ERR_INPUT', 'gold mapping file');
  return out;
}

/**
 * Reads a gold mapping CSV file: `source_table,source_column,target_table,target_column`.
 *
 * @example
 * const gold = await readGoldCsv('gold.csv');
 * evaluateMapping(suggestion, gold);
 */
export async function readGoldCsv(path: string): Promise<GoldMapping[]> {
  const records: CsvRecord[] = [];
  for await (const batch of readCsvBatches(path)) records.push(...batch);
  return goldFromCsvRecords(records, path);
}

/** The text of a gold mapping CSV file. */
export function formatGoldCsv(gold: readonly GoldMapping[]): string {
  let out = formatCsvRow(goldCsvHeader);
  for (const g of gold) out += formatCsvRow([g.sourceTable, g.sourceColumn, g.targetTable, g.targetColumn]);
  return out;
}

/** Writes a gold mapping CSV file (creating its folder), e.g. from `goldFromContract(contract)`. */
export async function writeGoldCsv(gold: readonly GoldMapping[], path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatGoldCsv(gold), 'utf8');
}
