import { FerryError } from '../../errors.js';
import { type CsvDelimiter, type CsvNewline, type CsvRecord, csvDelimiters } from './csv-record.js';
import { CsvRecordParser } from './csv-record-parser.js';

/** How a file's delimiter was settled. */
export type CsvDelimiterSource = 'declared' | 'detected' | 'single-column';

/** Readable names of the delimiters, for messages and reports. */
export const csvDelimiterNames: Record<CsvDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** Records of the sample a delimiter is judged on (the header and the data records after it). */
const sampleRecords = 500;
/** Share of sample records that must have the header's field count for a delimiter to be consistent. */
const consistentShare = 0.9;

interface Candidate {
  delimiter: CsvDelimiter;
  columns: number;
  agree: number;
  records: number;
}

function judge(sample: string, isWholeFile: boolean, delimiter: CsvDelimiter, newline: CsvNewline): Candidate {
  const parser = new CsvRecordParser({ file: '<sample>', maxFieldBytes: Number.MAX_SAFE_INTEGER, delimiter, newline });
  const out: CsvRecord[] = [];
  try {
    parser.push(sample, out);
    if (isWholeFile) parser.end(out);
  } catch {
    // An unclosed quote in the sample: judge on the records before it.
  }
  const [header, ...rest] = out.slice(0, sampleRecords + 1);
  const data = rest.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
  const columns = header?.fields.length ?? 0;
  return { delimiter, columns, agree: data.filter((r) => r.fields.length === columns).length, records: data.length };
}

/**
 * Settles a file's field delimiter from the start of its text (`sample`, decoded; `isWholeFile` when it is all of it):
 * comma, semicolon, tab or pipe. A delimiter is a candidate when it splits the header into two or more columns; a
 * candidate is consistent when at least 90% of the sampled records (blank lines aside) have the header's field count.
 * One candidate: it (ragged rows are then rejected, not a reason to guess another). Several: the one consistent
 * candidate, else FERRY_ERR_CSV_DELIMITER naming each with its counts, so that a person declares it. None: one
 * column, read with a comma.
 *
 * @example
 * detectCsvDelimiter('ID;NAME\n1;Smith, J\n', true, 'lf', 'x.csv') // => { delimiter: ';', source: 'detected' }
 */
export function detectCsvDelimiter(
  sample: string,
  isWholeFile: boolean,
  newline: CsvNewline,
  file: string,
): { delimiter: CsvDelimiter; source: CsvDelimiterSource } {
  const candidates = csvDelimiters.map((d) => judge(sample, isWholeFile, d, newline)).filter((c) => c.columns >= 2);
  if (candidates.length === 0) return { delimiter: ',', source: 'single-column' };
  if (candidates.length === 1) return { delimiter: candidates[0]!.delimiter, source: 'detected' };
  const consistent = candidates.filter((c) => c.records > 0 && c.agree >= consistentShare * c.records);
  if (consistent.length === 1) return { delimiter: consistent[0]!.delimiter, source: 'detected' };
  const described = candidates
    .map(
      (c) =>
        `${csvDelimiterNames[c.delimiter]} gives ${c.columns} columns (${c.agree} of ${c.records} sampled records agree)`,
    )
    .join('; ');
  throw new FerryError(
    'FERRY_ERR_CSV_DELIMITER',
    `the field delimiter is ambiguous: ${described}; declare it (--delimiter comma, semicolon, tab or pipe)`,
    { file, line: 1 },
  );
}
