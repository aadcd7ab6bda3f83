import { type FileHandle, open } from 'node:fs/promises';
import { z } from 'zod';
import { FerryError } from '../../errors.js';
import { flattenCsvBatches } from './csv-batch-flattener.js';
import { CsvChunkDecoder } from './csv-chunk-decoder.js';
import type { CsvEncodingChoice } from './csv-encoding-detector.js';
import { type CsvFileFormat, detectCsvFileFormat } from './csv-file-format.js';
import {
  type CsvDelimiter,
  type CsvEncoding,
  type CsvNewline,
  type CsvReadOptions,
  type CsvRecord,
  csvDelimiters,
  csvEncodings,
  defaultMaxFieldBytes,
} from './csv-record.js';
import { CsvRecordParser } from './csv-record-parser.js';
import { CsvRecordSplitter, type CsvTextChunk } from './csv-record-splitter.js';

/** Bytes of the first chunk, from which the encoding is detected. */
export const csvChunkBytes = 1 << 20;
/**
 * Bytes read per later chunk. Small batches die young: with 1 MiB batches the garbage collector copies
 * every live record of the batch out of the young generation, and reading took 2.7 s instead of 0.93 s
 * for 1,000,000 rows (bench/csv-parse-bench.mjs).
 */
export const csvReadBytes = 1 << 16;

const readOptionsSchema = z
  .object({
    encoding: z.enum(['auto', ...csvEncodings]).default('auto'),
    maxFieldBytes: z.number().int().positive().default(defaultMaxFieldBytes),
    delimiter: z.enum(['auto', ...csvDelimiters]).default(','),
    headed: z.boolean().default(false),
  })
  .strict();

/** CSV read options with every default filled in. */
export type ResolvedCsvReadOptions = z.infer<typeof readOptionsSchema>;

/** Validates read options (they may come from a command line or a config file) and fills in defaults. */
export function resolveCsvReadOptions(options: CsvReadOptions = {}): ResolvedCsvReadOptions {
  const parsed = readOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `Invalid CSV read option ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'} (encoding is one of auto, ${csvEncodings.join(', ')}; delimiter auto or one of , ; tab |; maxFieldBytes a positive integer)`,
      { field: String(issue?.path[0] ?? '') },
    );
  }
  return parsed.data;
}

/** Opens a CSV file for reading, turning file-system errors into FerryErrors naming the file. */
export async function openCsvFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FerryError('FERRY_ERR_NOT_FOUND', 'file not found', { file: path }, { cause: e });
    if (code === 'EACCES' || code === 'EPERM') {
      throw new FerryError('FERRY_ERR_INPUT', 'file cannot be read (permission denied)', { file: path }, { cause: e });
    }
    throw new FerryError('FERRY_ERR_INPUT', `file cannot be opened (${code ?? 'error'})`, { file: path }, { cause: e });
  }
}

async function readChunk(fh: FileHandle, buf: Buffer, path: string): Promise<Buffer> {
  try {
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
    throw new FerryError('FERRY_ERR_INPUT', `${path} ${why}`, { file: path }, { cause: e });
  }
}

/** The format of an empty file: nothing to decide. */
const emptyFileFormat: CsvFileFormat = {
  encoding: 'utf-8',
  encodingSource: 'valid-utf-8',
  bomLength: 0,
  delimiter: ',',
  delimiterSource: 'single-column',
  newline: 'lf',
};

/**
 * How a file will be read (`detectCsvFileFormat`): the declared encoding and delimiter, or those detected (the
 * encoding from the whole file), and its line end. An empty file is UTF-8.
 *
 * @example
 * const { encoding, delimiter } = await readCsvFileFormat('PATIENT.csv', { encoding: 'auto', delimiter: 'auto' });
 */
export async function readCsvFileFormat(path: string, options: CsvReadOptions = {}): Promise<CsvFileFormat> {
  const resolved = resolveCsvReadOptions(options);
  const fh = await openCsvFile(path);
  try {
    const chunk = await readChunk(fh, Buffer.allocUnsafe(csvChunkBytes), path);
    if (chunk.length === 0) return emptyFileFormat;
    return await detectCsvFileFormat(fh, path, chunk, chunk.length < csvChunkBytes, resolved);
  } finally {
    await fh.close();
  }
}

/** The encoding a file will be read in: the declared one, or the one detected from the whole file. */
export async function detectCsvFileEncoding(path: string, options: CsvReadOptions = {}): Promise<CsvEncodingChoice> {
  const f = await readCsvFileFormat(path, options);
  return { encoding: f.encoding, bomLength: f.bomLength, source: f.encodingSource };
}

function encodingError(path: string, line: number, choice: Pick<CsvEncodingChoice, 'source'>): FerryError {
  const how = choice.source === 'declared' ? 'declared' : 'detected';
  return new FerryError(
    'FERRY_ERR_CSV_ENCODING',
    `invalid UTF-8 byte sequence on this line (the file's encoding, UTF-8, was ${how}); ` +
      `if it is a legacy Windows export, read it with encoding windows-1252`,
    { file: path, line },
  );
}

function fieldBytesOf(encoding: CsvEncoding): (value: string) => number {
  return encoding === 'utf-8' ? (value) => Buffer.byteLength(value, 'utf8') : (value) => value.length;
}

/**
 * Reads a CSV file in batches of records (one batch per chunk read: 1 MiB first, then 64 KiB), in constant memory.
 * The same records as {@link readCsvRecords}, with less per-record overhead for bulk readers.
 *
 * Invalid UTF-8 is never replaced: the records before the bad line are yielded, then a
 * `FERRY_ERR_CSV_ENCODING` error names the file and the line.
 *
 * @example
 * for await (const batch of readCsvBatches('PATIENT.csv')) rows += batch.length;
 */
export async function* readCsvBatches(
  path: string,
  options: CsvReadOptions = {},
  format?: CsvFileFormat,
): AsyncGenerator<CsvRecord[]> {
  const resolved = resolveCsvReadOptions(options);
  const { maxFieldBytes } = resolved;
  const fh = await openCsvFile(path);
  try {
    const buf = Buffer.allocUnsafe(csvChunkBytes);
    let chunk = await readChunk(fh, buf, path);
    if (chunk.length === 0) return;
    const f = format ?? (await detectCsvFileFormat(fh, path, chunk, chunk.length < csvChunkBytes, resolved));
    chunk = chunk.subarray(f.bomLength);
    const decoder = new CsvChunkDecoder(f.encoding);
    const parser = new CsvRecordParser({
      file: path,
      maxFieldBytes,
      fieldBytes: fieldBytesOf(f.encoding),
      delimiter: f.delimiter,
      newline: f.newline,
      headed: resolved.headed,
    });
    const choice = { source: f.encodingSource };
    while (chunk.length > 0) {
      const decoded = decoder.decode(chunk);
      const out: CsvRecord[] = [];
      parser.push(decoded.text, out);
      if (out.length > 0) yield out;
      if (decoded.invalid) throw encodingError(path, parser.currentLine(), choice);
      chunk = await readChunk(fh, buf.subarray(0, csvReadBytes), path);
    }
    if (decoder.end().invalid) throw encodingError(path, parser.currentLine(), choice);
    const out: CsvRecord[] = [];
    parser.end(out);
    if (out.length > 0) yield out;
  } finally {
    await fh.close();
  }
}

/** How the records of a chunk of a file's bytes are to be decoded and parsed: as the file's own reader would. */
export interface CsvChunkParseOptions {
  file: string;
  encoding: CsvEncoding;
  /** How the encoding was chosen (named in an encoding error). */
  encodingSource: CsvEncodingChoice['source'];
  maxFieldBytes: number;
  delimiter: CsvDelimiter;
  newline: CsvNewline;
  /** The header's field count: records are checked against it (see `CsvRecordParserOptions.expectedFields`). */
  expectedFields?: number;
}

/** The UTF-8 or single-byte size of a field, as the reader measures it for the field size limit. */
export function csvFieldBytes(encoding: CsvEncoding): (value: string) => number {
  return fieldBytesOf(encoding);
}

/**
 * Decodes a chunk of whole records cut from a file (`readCsvTextChunks`) as the file's reader would, a slice of
 * `sliceBytes` at a time (so that no string of the whole chunk is made): strictly for UTF-8, where an invalid byte
 * sequence is the error the reader gives, naming its line (the chunk's first line plus the line ends before it).
 */
export function* decodeCsvChunk(
  bytes: Uint8Array,
  parse: CsvChunkParseOptions,
  firstLine: number,
  sliceBytes = 1 << 16,
): Generator<string> {
  const decoder = new CsvChunkDecoder(parse.encoding);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nl = parse.newline === 'cr' ? '\r' : '\n';
  let line = firstLine;
  const fail = (text: string) => {
    for (let i = text.indexOf(nl); i !== -1; i = text.indexOf(nl, i + 1)) line++;
    return encodingError(parse.file, line, { source: parse.encodingSource });
  };
  for (let at = 0; at < buf.length; at += sliceBytes) {
    const decoded = decoder.decode(buf.subarray(at, at + sliceBytes));
    if (decoded.invalid) throw fail(decoded.text);
    yield decoded.text;
    for (let i = decoded.text.indexOf(nl); i !== -1; i = decoded.text.indexOf(nl, i + 1)) line++;
  }
  if (decoder.end().invalid) throw fail('');
}

/** A file's data records cut into runs of whole records (header left out), for decoding and parsing elsewhere. */
export interface CsvTextChunks {
  parse: CsvChunkParseOptions;
  chunks: AsyncGenerator<CsvTextChunk>;
}

/**
 * Reads a CSV file as runs of `recordsPerChunk` whole data records (the last run may be shorter), as bytes, each with
 * the line it starts on, without decoding or parsing: a worker thread decodes each run (`decodeCsvChunk`) and parses
 * it with a `CsvRecordParser` starting at that line, and gets exactly the records {@link readCsvBatches} gives (an
 * invalid UTF-8 sequence is the same error, raised by the run that holds it). Memory stays bounded by one run plus
 * one read.
 */
export async function readCsvTextChunks(
  path: string,
  recordsPerChunk: number,
  options: CsvReadOptions = {},
  format?: CsvFileFormat,
): Promise<CsvTextChunks> {
  const resolved = resolveCsvReadOptions(options);
  const { maxFieldBytes } = resolved;
  const fh = await openCsvFile(path);
  let first: Buffer;
  let f: CsvFileFormat;
  try {
    first = await readChunk(fh, Buffer.allocUnsafe(csvChunkBytes), path);
    f =
      format ??
      (first.length === 0
        ? emptyFileFormat
        : await detectCsvFileFormat(fh, path, first, first.length < csvChunkBytes, resolved));
  } catch (e) {
    await fh.close();
    throw e;
  }
  async function* chunks(): AsyncGenerator<CsvTextChunk> {
    try {
      const splitter = new CsvRecordSplitter({
        recordsPerChunk,
        file: path,
        maxRecordChars: Math.max(4 * maxFieldBytes, 64 * 1024 * 1024),
        delimiter: f.delimiter,
        newline: f.newline,
      });
      // The splitter keeps what it is given until its run is complete: each read gets a buffer of its own.
      let chunk = first.subarray(f.bomLength);
      while (chunk.length > 0) {
        yield* splitter.push(chunk);
        chunk = await readChunk(fh, Buffer.allocUnsafeSlow(csvChunkBytes), path);
      }
      yield* splitter.end();
    } finally {
      await fh.close();
    }
  }
  return {
    parse: {
      file: path,
      encoding: f.encoding,
      encodingSource: f.encodingSource,
      maxFieldBytes,
      delimiter: f.delimiter,
      newline: f.newline,
    },
    chunks: chunks(),
  };
}

/**
 * Streams the records of a CSV file (RFC 4180; LF, CRLF or mixed; UTF-8 BOM stripped), header first.
 * Ragged records are returned as they are, each with the physical line it starts on, so callers can
 * reject them (see `RaggedRowTracker`).
 *
 * Errors (FerryError, naming file and line): FERRY_ERR_NOT_FOUND, FERRY_ERR_CSV_UNTERMINATED_QUOTE,
 * FERRY_ERR_CSV_ENCODING, FERRY_ERR_CSV_FIELD_TOO_LARGE.
 *
 * @example
 * for await (const { line, fields } of readCsvRecords('PATIENT.csv', { encoding: 'windows-1252' })) {
 *   console.log(line, fields.length);
 * }
 */
export function readCsvRecords(path: string, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  return flattenCsvBatches(readCsvBatches(path, options));
}
