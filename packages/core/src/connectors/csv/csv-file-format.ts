import type { FileHandle } from 'node:fs/promises';
import { FerryError } from '../../errors.js';
import { type CsvDelimiterSource, detectCsvDelimiter } from './csv-delimiter-detector.js';
import { detectCsvEncoding } from './csv-encoding-detector.js';
import { Utf8Census } from './csv-encoding-scan.js';
import type { CsvDelimiter, CsvEncoding, CsvNewline } from './csv-record.js';

/**
 * How a CSV file is read, settled once per file before any record is read: encoding, delimiter and line end, each
 * with how it was settled, so that reports can say so.
 */
export interface CsvFileFormat {
  encoding: CsvEncoding;
  /**
   * `declared`; `bom` (a UTF-8 byte order mark); `valid-utf-8` (the whole file is valid UTF-8, ASCII included);
   * `not-utf-8` (the whole file holds no UTF-8 character but bytes that are not UTF-8, all Windows-1252 characters).
   */
  encodingSource: 'declared' | 'bom' | 'valid-utf-8' | 'not-utf-8';
  /** Length of a UTF-8 byte order mark at the start of the file (0 or 3); the reader skips it. */
  bomLength: number;
  delimiter: CsvDelimiter;
  delimiterSource: CsvDelimiterSource;
  newline: CsvNewline;
}

/** Bytes of the start of the file the delimiter is judged on. */
const delimiterSampleBytes = 1 << 16;

async function readAt(fh: FileHandle, buf: Buffer, position: number, path: string): Promise<Buffer> {
  try {
    const { bytesRead } = await fh.read(buf, 0, buf.length, position);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
    throw new FerryError('FERRY_ERR_INPUT', `${path} ${why}`, { file: path }, { cause: e });
  }
}

/** The physical line a byte offset of the file is on (line ends counted with `newline`). */
async function lineAt(fh: FileHandle, offset: number, newline: CsvNewline, path: string): Promise<number> {
  const nl = newline === 'cr' ? 13 : 10;
  const buf = Buffer.allocUnsafe(1 << 20);
  let line = 1;
  for (let at = 0; at < offset; ) {
    const chunk = await readAt(fh, buf.subarray(0, Math.min(buf.length, offset - at)), at, path);
    if (chunk.length === 0) break;
    for (let i = chunk.indexOf(nl); i !== -1; i = chunk.indexOf(nl, i + 1)) line++;
    at += chunk.length;
  }
  return line;
}

/** The line end of a file from its first chunk: LF (or CRLF) if there is one, else a bare CR if there is one. */
function detectNewline(first: Buffer): CsvNewline {
  return first.indexOf(10) === -1 && first.indexOf(13) !== -1 ? 'cr' : 'lf';
}

/**
 * Settles how a file is read. The encoding, when `auto` and there is no byte order mark, is decided from the WHOLE
 * file (one pass at native speed): valid UTF-8 throughout is UTF-8; no UTF-8 character anywhere but bytes that are not
 * UTF-8 is Windows-1252 (when each such byte is a Windows-1252 character); UTF-8 characters AND bytes that are not
 * UTF-8 in one file is FERRY_ERR_CSV_ENCODING naming the file and the first line with bytes that are not UTF-8 (and
 * the first with UTF-8), never a guess. The line end comes from the first chunk (1 MiB): LF or CRLF if it has a LF,
 * else a bare CR if it has one. The delimiter, when `auto`, from the header and a sample of records.
 *
 * @example
 * const format = await detectCsvFileFormat(fh, 'PATIENT.csv', firstChunk, { encoding: 'auto', delimiter: 'auto' });
 */
export async function detectCsvFileFormat(
  fh: FileHandle,
  path: string,
  first: Buffer,
  isWholeFile: boolean,
  declared: { encoding: 'auto' | CsvEncoding; delimiter: 'auto' | CsvDelimiter },
): Promise<CsvFileFormat> {
  const choice = detectCsvEncoding(first, declared.encoding, path, isWholeFile);
  const body = first.subarray(choice.bomLength);
  const newline = detectNewline(body);
  // The sample holds the whole header however long it is (within the first chunk), and some records after it.
  const headerEnd = body.indexOf(newline === 'cr' ? 13 : 10);
  const sample = body.subarray(0, Math.max(delimiterSampleBytes, headerEnd + 1 + delimiterSampleBytes));
  // A header with no line end in the first chunk is judged as far as it goes.
  const sampleIsAll = (isWholeFile && sample.length === body.length) || headerEnd === -1;
  const { delimiter, source: delimiterSource } =
    declared.delimiter === 'auto'
      ? detectCsvDelimiter(sample.toString('latin1'), sampleIsAll, newline, path)
      : { delimiter: declared.delimiter, source: 'declared' as const };
  const format: CsvFileFormat = {
    encoding: choice.encoding,
    encodingSource: choice.source,
    bomLength: choice.bomLength,
    delimiter,
    delimiterSource,
    newline,
  };
  if (declared.encoding !== 'auto' || choice.source === 'bom') return format;

  const census = new Utf8Census(choice.bomLength);
  census.push(body);
  if (!isWholeFile) {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let at = first.length; !census.settled; ) {
      const chunk = await readAt(fh, buf, at, path);
      if (chunk.length === 0) break;
      census.push(chunk);
      at += chunk.length;
    }
  }
  census.end();
  const verdict = census.verdict();
  if (verdict === 'utf-8') return { ...format, encoding: 'utf-8', encodingSource: 'valid-utf-8' };
  if (verdict === 'windows-1252') return { ...format, encoding: 'windows-1252', encodingSource: 'not-utf-8' };
  const line = await lineAt(fh, census.invalidAt, newline, path);
  if (verdict === 'mixed') {
    const utf8Line = await lineAt(fh, census.multibyteAt, newline, path);
    throw new FerryError(
      'FERRY_ERR_CSV_ENCODING',
      `the file mixes encodings: this line holds bytes that are not UTF-8, while line ${utf8Line} holds UTF-8 ` +
        'characters; one file is read in one encoding, so convert it to UTF-8 (or declare --encoding to read all of it in one)',
      { file: path, line },
    );
  }
  throw new FerryError(
    'FERRY_ERR_CSV_ENCODING',
    `the file is not UTF-8 (this line holds bytes that are not), nor Windows-1252 (line ${await lineAt(fh, census.unassignedAt, newline, path)} holds a byte it does not assign); declare its encoding (e.g. --encoding latin1)`,
    { file: path, line },
  );
}
