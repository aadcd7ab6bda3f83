import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import JSONParser from '@streamparser/json/jsonparser.js';
import { FerryError } from '../../errors.js';
import { readByteLines } from '../byte-lines.js';

/** A JSON record and its position: the line of an NDJSON record, the 1-based index of an array's element. */
export interface JsonRecord {
  line: number;
  value: unknown;
}

/** How a JSON file holds its records: one array of them, or one per line (NDJSON / JSON Lines). */
export type JsonLayout = 'array' | 'lines';

/** The layout of a file: `array` when its first character (after a BOM and white space) is `[`, else `lines`. */
export async function detectJsonLayout(file: string): Promise<JsonLayout> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return 'lines';
      let i = 0;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
      for (; i < bytesRead; i++) {
        const c = buf[i]!;
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
        return c === 0x5b ? 'array' : 'lines';
      }
    }
  } finally {
    await fh.close();
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeLine(bytes: Buffer, file: string, line: number): string {
  try {
    return utf8.decode(bytes);
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_CSV_ENCODING',
      'invalid UTF-8 byte sequence on this line (JSON is UTF-8)',
      { file, line },
      { cause: e },
    );
  }
}

/** The records of an NDJSON file, one JSON value per non-blank line. A line that is not JSON: FERRY_ERR_INPUT. */
async function* readJsonLines(file: string): AsyncGenerator<JsonRecord> {
  for await (const { line, bytes } of readByteLines(file)) {
    const text = decodeLine(bytes, file, line);
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_INPUT',
        `not a JSON value: ${(e as Error).message}`,
        { file, line },
        { cause: e },
      );
    }
    yield { line, value };
  }
}

/** The elements of a top-level JSON array, parsed as the file streams in (one read chunk at a time). */
async function* readJsonArray(file: string): AsyncGenerator<JsonRecord> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  const ready: unknown[] = [];
  let index = 0;
  parser.onValue = ({ value }) => {
    ready.push(value);
  };
  const fail = (e: unknown): FerryError =>
    new FerryError(
      'FERRY_ERR_INPUT',
      `not valid JSON after record ${index}: ${(e as Error).message}`,
      { file, line: index + 1 },
      { cause: e },
    );
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  let first = true;
  try {
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      try {
        parser.write(chunk);
      } catch (e) {
        throw fail(e);
      }
      for (const value of ready) yield { line: ++index, value };
      ready.length = 0;
    }
    try {
      if (!parser.isEnded) parser.end();
    } catch (e) {
      throw fail(e);
    }
    for (const value of ready) yield { line: ++index, value };
  } finally {
    stream.destroy();
  }
}

/** Streams a JSON or NDJSON file's records in file order, in constant memory (one record and one read at a time). */
export async function* readJsonRecords(file: string, layout?: JsonLayout): AsyncGenerator<JsonRecord> {
  const how = layout ?? (await detectJsonLayout(file));
  yield* how === 'array' ? readJsonArray(file) : readJsonLines(file);
}
