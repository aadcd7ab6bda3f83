import type { CsvEncoding } from './csv-record.js';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8-validation.js';

/** Text decoded from one chunk; `invalid` is true when the chunk stops at an invalid byte sequence. */
export interface DecodedChunk {
  text: string;
  invalid: boolean;
}

/** Windows-1252 characters for bytes 0x80–0x9F (the five unassigned bytes keep their C1 code point). */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const c1 = /[\u0080-\u009f]/g;
const c1Test = /[\u0080-\u009f]/;

/** Decodes Windows-1252 bytes (fast path through Latin-1, then 0x80–0x9F remapped). */
export function decodeWindows1252(bytes: Buffer): string {
  const s = bytes.toString('latin1');
  return c1Test.test(s) ? s.replace(c1, (ch) => cp1252High[ch.charCodeAt(0) - 0x80]!) : s;
}

/**
 * Turns a file's bytes into text chunk by chunk in one encoding. UTF-8 is decoded strictly: invalid
 * bytes are never replaced; the decoder returns the valid text before them and flags the chunk invalid.
 * Chunks may end inside a multi-byte character; the rest is carried into the next chunk.
 */
export class CsvChunkDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Bytes of an incomplete UTF-8 character at the end of the previous chunk. */
  private tail: Buffer = Buffer.alloc(0);

  constructor(readonly encoding: CsvEncoding) {}

  /** Decodes one chunk; the chunk's memory may be reused by the caller afterwards. */
  decode(chunk: Buffer): DecodedChunk {
    if (this.encoding === 'latin1') return { text: chunk.toString('latin1'), invalid: false };
    if (this.encoding === 'windows-1252') return { text: decodeWindows1252(chunk), invalid: false };
    try {
      const text = this.utf8.decode(chunk, { stream: true });
      // Kept only to locate an error in the next chunk; a chunk of 4+ bytes holds its own last character's start.
      const whole = chunk.length >= 4 || this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
      this.tail = Buffer.from(whole.subarray(completeUtf8Length(whole)));
      return { text, invalid: false };
    } catch {
      const whole = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
      const complete = whole.subarray(0, completeUtf8Length(whole));
      const bad = firstInvalidUtf8(complete);
      return { text: complete.subarray(0, bad === -1 ? complete.length : bad).toString('utf8'), invalid: true };
    }
  }

  /** Ends the input: a UTF-8 character cut off by the end of the file is invalid. */
  end(): DecodedChunk {
    if (this.encoding !== 'utf-8') return { text: '', invalid: false };
    const invalid = this.tail.length > 0;
    this.tail = Buffer.alloc(0);
    return { text: '', invalid };
  }
}
