import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { FerryError } from '../errors.js';
import { readByteLines } from './byte-lines.js';

/** The encodings text sources (dumps) are read in. UTF-16 needs its byte-order mark. */
export const textEncodings = ['utf-8', 'windows-1252', 'latin1', 'utf-16'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** A decoded physical line and its 1-based number. */
export interface TextLine {
  line: number;
  text: string;
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * The encoding a file is read in when it is not declared: UTF-16 or UTF-8 by their byte-order mark, else UTF-8 when
 * the whole file is valid UTF-8, else Windows-1252 (what legacy Windows exports write).
 */
export async function detectTextEncoding(file: string): Promise<TextEncoding> {
  const head = await firstBytes(file, 3);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'utf-16';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function encodingError(file: string, line: number, encoding: string, cause?: unknown): FerryError {
  return new FerryError(
    'FERRY_ERR_CSV_ENCODING',
    `bytes on this line cannot be decoded as ${encoding}` +
      (encoding === 'utf-8' ? '; if it is a legacy Windows export, declare encoding windows-1252' : ''),
    { file, line },
    cause === undefined ? {} : { cause },
  );
}

async function* readUtf16Lines(file: string): AsyncGenerator<TextLine> {
  const head = await firstBytes(file, 2);
  if (!((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new FerryError('FERRY_ERR_INPUT', 'a UTF-16 file needs its byte-order mark (FF FE or FE FF)', { file });
  }
  const decoder = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true });
  let line = 1;
  let rest = '';
  const lines = function* (text: string): Generator<TextLine> {
    rest += text;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      const t = rest.slice(start, nl);
      yield { line: line++, text: t.endsWith('\r') ? t.slice(0, -1) : t };
      start = nl + 1;
    }
    rest = rest.slice(start);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch (e) {
      throw encodingError(file, line + (rest.match(/\n/g)?.length ?? 0), 'UTF-16', e);
    }
    yield* lines(text);
  }
  try {
    yield* lines(decoder.decode());
  } catch (e) {
    throw encodingError(file, line, 'UTF-16', e);
  }
  if (rest !== '') yield { line, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest };
}

/**
 * Streams a text file's physical lines decoded from `encoding`, in constant memory. Nothing is replaced: a line with
 * bytes invalid in the encoding is FERRY_ERR_CSV_ENCODING naming the file and the line. A BOM is skipped.
 */
export async function* readTextLines(file: string, encoding: TextEncoding): AsyncGenerator<TextLine> {
  if (encoding === 'utf-16') {
    yield* readUtf16Lines(file);
    return;
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const cp1252 = new TextDecoder('windows-1252');
  for await (const { line, bytes } of readByteLines(file)) {
    let text: string;
    if (encoding === 'latin1') text = bytes.toString('latin1');
    else if (encoding === 'windows-1252') text = cp1252.decode(bytes);
    else {
      try {
        text = utf8.decode(bytes);
      } catch (e) {
        throw encodingError(file, line, 'utf-8', e);
      }
    }
    yield { line, text };
  }
}
