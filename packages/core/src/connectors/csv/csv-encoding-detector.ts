import { isUtf8 } from 'node:buffer';
import { FerryError } from '../../errors.js';
import type { CsvEncoding } from './csv-record.js';
import { completeUtf8Length } from './utf8-validation.js';

/** How a file's encoding was settled. */
export interface CsvEncodingChoice {
  encoding: CsvEncoding;
  /** Length of a UTF-8 byte order mark at the start of the file (0 or 3); the reader skips it. */
  bomLength: number;
  source: 'declared' | 'bom' | 'valid-utf-8' | 'not-utf-8';
}

const utf8Bom = [0xef, 0xbb, 0xbf];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/**
 * Settles the encoding of a CSV file from its first chunk (`sample`) and the declared encoding: the first step
 * of `detectCsvFileFormat`, which then checks an `auto` verdict without a BOM against the whole file.
 *
 * `auto`: a UTF-8 BOM or a sample that is valid UTF-8 (plain ASCII included) means UTF-8; anything else is
 * read as Windows-1252, the legacy encoding of UK Windows exports and a superset of Latin-1's printable
 * characters. UTF-16 and UTF-32 (a BOM, or NUL bytes in the sample) are refused with a clear error.
 * A UTF-8 BOM on a file declared Windows-1252 or Latin-1 is a contradiction and an error too.
 * `isWholeFile` says the sample is the entire file (so a cut-off last character is invalid, not carried).
 *
 * @example
 * detectCsvEncoding(Buffer.from('name\nJos\xe9\n', 'latin1'), 'auto', 'x.csv', true).encoding // => 'windows-1252'
 */
export function detectCsvEncoding(
  sample: Uint8Array,
  declared: 'auto' | CsvEncoding,
  file: string,
  isWholeFile: boolean,
): CsvEncodingChoice {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff]) || startsWith(sample, [0, 0, 0xfe, 0xff])) {
    throw new FerryError(
      'FERRY_ERR_CSV_ENCODING',
      'the file is UTF-16 or UTF-32 (it starts with such a byte order mark); save it as UTF-8 CSV',
      { file, line: 1 },
    );
  }
  const bom = startsWith(sample, utf8Bom);
  if (declared !== 'auto') {
    if (bom && declared !== 'utf-8') {
      throw new FerryError(
        'FERRY_ERR_CSV_ENCODING',
        `the file starts with a UTF-8 byte order mark but was declared ${declared}`,
        { file, line: 1 },
      );
    }
    return { encoding: declared, bomLength: bom ? 3 : 0, source: 'declared' };
  }
  if (bom) return { encoding: 'utf-8', bomLength: 3, source: 'bom' };
  if (sample.indexOf(0) !== -1) {
    throw new FerryError(
      'FERRY_ERR_CSV_ENCODING',
      'the file holds NUL bytes: it is probably UTF-16 or binary; save it as UTF-8 CSV, or declare its encoding to read it as it is',
      { file },
    );
  }
  const body = isWholeFile ? sample : sample.subarray(0, completeUtf8Length(sample));
  if (isUtf8(body)) return { encoding: 'utf-8', bomLength: 0, source: 'valid-utf-8' };
  return { encoding: 'windows-1252', bomLength: 0, source: 'not-utf-8' };
}
