import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isBlankCsvRecord, mapCsvHeader } from '../connectors/csv/csv-header-map.js';
import { CsvIssueList } from '../connectors/csv/csv-issue-list.js';
import { readCsvBatches } from '../connectors/csv/csv-reader.js';
import type { CsvRecord } from '../connectors/csv/csv-record.js';
import { parseCsvTextRecords } from '../connectors/csv/csv-text-parser.js';
import { formatCsvRow, unguardCsvRecord } from '../connectors/csv/csv-writer.js';
import { reviewStatuses } from '../contract/contract-model.js';
import {
  type CrosswalkEntry,
  type CrosswalkSet,
  crosswalkCsvHeader,
  crosswalkEntrySchema,
  crosswalkSetSchema,
} from './crosswalk-model.js';

/** Optional columns of a crosswalk CSV file, after the required ones. */
export const crosswalkCsvOptionalHeader = ['reviewer', 'reviewed_at', 'notes'] as const;

const equivalences = crosswalkEntrySchema.shape.equivalence.unwrap().options;
const isoDateTime = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/**
 * Builds a crosswalk set from the records of a crosswalk CSV file (header first), validating every row.
 * All problems (up to 50) are reported together in one FERRY_ERR_CROSSWALK_INVALID error, one per line.
 *
 * Rules: code_type and source_code are required; target_code is required, except for equivalence
 * `unmatched`, where it must be blank; equivalence (blank = equivalent) and status (blank = draft) come from
 * the model's lists; reviewed_at is an ISO date or date-time; one (code_type, source_code) may have at most
 * one entry that is not `rejected`. Codes and labels are kept exactly as written; names are trimmed.
 */
export function crosswalkFromCsvRecords(guardedRecords: CsvRecord[], fileName: string): CrosswalkSet {
  const records = guardedRecords.map(unguardCsvRecord);
  const issues = new CsvIssueList(fileName);
  const header = records[0];
  if (!header) {
    issues.add(undefined, undefined, `the file is empty; expected the header ${crosswalkCsvHeader.join(',')}`);
    throw issues.toError('FERRY_ERR_CROSSWALK_INVALID', 'crosswalk');
  }
  const columns = mapCsvHeader(header, crosswalkCsvHeader, crosswalkCsvOptionalHeader, issues);
  if (crosswalkCsvHeader.some((h) => !columns.has(h))) throw issues.toError('FERRY_ERR_CROSSWALK_INVALID', 'crosswalk');

  const entries: CrosswalkEntry[] = [];
  const live = new Map<string, number>();
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (isBlankCsvRecord(record)) continue;
    const line = record.line;
    if (record.fields.length !== header.fields.length) {
      issues.add(line, undefined, `record has ${record.fields.length} fields, header has ${header.fields.length}`);
      continue;
    }
    const cell = (col: string): string => {
      const i = columns.get(col);
      return i === undefined ? '' : record.fields[i]!;
    };
    const before = issues.count;
    const codeType = cell('code_type').trim();
    if (!codeType) issues.add(line, 'code_type', 'is blank');
    const sourceCode = cell('source_code');
    if (!sourceCode.trim()) issues.add(line, 'source_code', 'is blank');

    const equivalence = cell('equivalence').trim().toLowerCase() || 'equivalent';
    if (!(equivalences as readonly string[]).includes(equivalence)) {
      issues.add(
        line,
        'equivalence',
        `unknown equivalence '${cell('equivalence')}' (expected one of ${equivalences.join(', ')})`,
      );
    }
    const status = cell('status').trim().toLowerCase() || 'draft';
    if (!(reviewStatuses as readonly string[]).includes(status)) {
      issues.add(line, 'status', `unknown status '${cell('status')}' (expected one of ${reviewStatuses.join(', ')})`);
    }
    const targetCode = cell('target_code');
    if (equivalence === 'unmatched' && targetCode.trim()) {
      issues.add(line, 'target_code', 'must be blank when equivalence is unmatched');
    } else if (equivalence !== 'unmatched' && !targetCode.trim()) {
      issues.add(line, 'target_code', 'is blank (use equivalence unmatched for a code with no target)');
    }
    const reviewedAt = cell('reviewed_at').trim();
    if (reviewedAt && (!isoDateTime.test(reviewedAt) || Number.isNaN(Date.parse(reviewedAt.replace(' ', 'T'))))) {
      issues.add(line, 'reviewed_at', `'${reviewedAt}' is not an ISO date or date-time (yyyy-mm-dd[Thh:mm[:ss]])`);
    }
    if (issues.count > before) continue;

    if (status !== 'rejected') {
      const key = `${codeType}\u0000${sourceCode}`;
      const first = live.get(key);
      if (first !== undefined) {
        issues.add(line, 'source_code', `code type ${codeType} already maps this source code on line ${first}`);
        continue;
      }
      live.set(key, line);
    }
    const entry: CrosswalkEntry = {
      codeType,
      sourceCode,
      sourceLabel: cell('source_label'),
      targetCode,
      targetLabel: cell('target_label'),
      equivalence: equivalence as CrosswalkEntry['equivalence'],
      status: status as CrosswalkEntry['status'],
    };
    const reviewer = cell('reviewer').trim();
    if (reviewer) entry.reviewer = reviewer;
    if (reviewedAt) entry.reviewedAt = reviewedAt;
    const notes = cell('notes');
    if (notes) entry.notes = notes;
    entries.push(entry);
  }
  issues.throwIfAny('FERRY_ERR_CROSSWALK_INVALID', 'crosswalk');
  return crosswalkSetSchema.parse({ version: 1, entries });
}

/**
 * Parses crosswalk CSV text: `code_type,source_code,source_label,target_code,target_label,equivalence,status`
 * plus optional `reviewer,reviewed_at,notes`. See {@link crosswalkFromCsvRecords} for the rules.
 *
 * @example
 * parseCrosswalkCsv('code_type,source_code,source_label,target_code,target_label,equivalence,status\n' +
 *   'gender,M,Male,1,Male,equivalent,approved\n', 'crosswalks.csv').entries[0].targetCode // => '1'
 */
export function parseCrosswalkCsv(text: string, fileName: string): CrosswalkSet {
  return crosswalkFromCsvRecords(parseCsvTextRecords(text, fileName), fileName);
}

/** Reads and validates a crosswalk CSV file (UTF-8 or a legacy encoding, detected). */
export async function readCrosswalkCsv(path: string): Promise<CrosswalkSet> {
  const records: CsvRecord[] = [];
  for await (const batch of readCsvBatches(path)) records.push(...batch);
  return crosswalkFromCsvRecords(records, path);
}

/**
 * Formats a crosswalk set as crosswalk CSV with every column (UTF-8, LF);
 * `parseCrosswalkCsv(formatCrosswalkCsv(s), f)` gives back `s`.
 */
export function formatCrosswalkCsv(set: CrosswalkSet): string {
  let out = formatCsvRow([...crosswalkCsvHeader, ...crosswalkCsvOptionalHeader]);
  for (const e of set.entries) {
    out += formatCsvRow([
      e.codeType,
      e.sourceCode,
      e.sourceLabel,
      e.targetCode,
      e.targetLabel,
      e.equivalence,
      e.status,
      e.reviewer ?? '',
      e.reviewedAt ?? '',
      e.notes ?? '',
    ]);
  }
  return out;
}

/** Writes a crosswalk CSV file (creating its folder). */
export async function writeCrosswalkCsv(set: CrosswalkSet, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatCrosswalkCsv(set), 'utf8');
}
