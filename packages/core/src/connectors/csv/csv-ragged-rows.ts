import { FerryError } from '../../errors.js';
import { readCsvBatches } from './csv-reader.js';
import type { CsvReadOptions, CsvRecord } from './csv-record.js';

/** A data record whose field count differs from its header's. */
export interface RaggedRow {
  line: number;
  fields: number;
  expected: number;
}

/** The error a caller raises (or records as a reject reason) for a ragged record. */
export function raggedRowError(file: string, record: CsvRecord, expected: number): FerryError {
  return new FerryError(
    'FERRY_ERR_CSV_RAGGED_ROW',
    `record has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}, header has ${expected}`,
    { file, line: record.line },
  );
}

/**
 * Counts ragged records while they stream past and keeps the first `keep` of them with line numbers.
 *
 * @example
 * const ragged = new RaggedRowTracker('PATIENT.csv', header.length);
 * for await (const r of connector.rows('PATIENT')) if (!ragged.check(r)) load(r);
 * ragged.messages(); // ['PATIENT.csv:14: record has 7 fields, header has 8']
 */
export class RaggedRowTracker {
  /** The first `keep` ragged records. */
  readonly rows: RaggedRow[] = [];
  /** All ragged records seen. */
  count = 0;

  constructor(
    readonly file: string,
    readonly expected: number,
    readonly keep = 100,
  ) {}

  /** True (and noted) when the record is ragged. */
  check(record: CsvRecord): boolean {
    if (record.fields.length === this.expected) return false;
    this.count++;
    if (this.rows.length < this.keep) {
      this.rows.push({ line: record.line, fields: record.fields.length, expected: this.expected });
    }
    return true;
  }

  /** One line per kept ragged record, plus a count of the rest. */
  messages(): string[] {
    const lines = this.rows.map((r) =>
      raggedRowError(this.file, { line: r.line, fields: new Array<string>(r.fields) }, r.expected).describe(),
    );
    if (this.count > this.rows.length) lines.push(`${this.file}: ${this.count - this.rows.length} more ragged records`);
    return lines;
  }
}

/** Summary of a whole-file ragged-row scan. */
export interface RaggedRowReport {
  header: string[];
  /** Data records (header excluded). */
  records: number;
  raggedCount: number;
  /** The first `keep` ragged records with their lines. */
  ragged: RaggedRow[];
}

/**
 * Reads a whole CSV file and reports its ragged records (field count != header) with line numbers.
 *
 * @example
 * const { raggedCount, ragged } = await findRaggedRows('PATIENT.csv');
 */
export async function findRaggedRows(path: string, options: CsvReadOptions = {}, keep = 100): Promise<RaggedRowReport> {
  let header: string[] | undefined;
  let tracker: RaggedRowTracker | undefined;
  let records = 0;
  for await (const batch of readCsvBatches(path, options)) {
    for (const record of batch) {
      if (!tracker) {
        header = record.fields;
        tracker = new RaggedRowTracker(path, header.length, keep);
        continue;
      }
      records++;
      tracker.check(record);
    }
  }
  return { header: header ?? [], records, raggedCount: tracker?.count ?? 0, ragged: tracker?.rows ?? [] };
}
