import { FerryError } from '../../errors.js';
import type { CsvDelimiter, CsvNewline } from './csv-record.js';

const QUOTE = 34;

/** A run of whole CSV records cut from a file, as its bytes, with the physical line it starts on. */
export interface CsvTextChunk {
  /** The records' bytes in the file's encoding, line ends included; a buffer of its own (it can be transferred). */
  bytes: Uint8Array;
  /** The physical line the first record starts on. */
  firstLine: number;
  /** How many records the bytes hold. */
  records: number;
}

function countNewlines(b: Buffer, from: number, to: number, nl: number): number {
  let n = 0;
  for (let i = b.indexOf(nl, from); i !== -1 && i < to; i = b.indexOf(nl, i + 1)) n++;
  return n;
}

/** Options of a splitter: chunk size, file (for errors), record size limit, and the file's delimiter and line end. */
export interface CsvRecordSplitterOptions {
  recordsPerChunk: number;
  file: string;
  maxRecordChars: number;
  /** Default `,`. */
  delimiter?: CsvDelimiter;
  /** Default `lf`. */
  newline?: CsvNewline;
}

const empty = Buffer.alloc(0);

/**
 * Cuts a CSV file's bytes into runs of a fixed number of whole records without decoding or parsing them, so that the
 * records can be decoded and parsed elsewhere (a worker thread) and still be numbered as in the file. It works on
 * bytes because the characters that delimit records (`"`, `,`, LF) are single ASCII bytes in every encoding the reader
 * reads (UTF-8, Windows-1252, Latin-1) and never part of another character. Record boundaries follow
 * {@link CsvRecordParser} exactly: a record ends at a LF outside a quoted field; a field is quoted only when it starts
 * with `"`, and its quoted part ends at a `"` not doubled; text after the closing quote belongs to the field up to the
 * next `,` or LF; a last record without a line end still counts. The first record (the header) is not handed out.
 *
 * Memory stays bounded: a record with no end within `maxRecordChars` bytes is an error, as in the parser (which
 * counts characters).
 *
 * @example
 * const s = new CsvRecordSplitter({ recordsPerChunk: 5000, file: 'PATIENT.csv', maxRecordChars: 1 << 26 });
 * for (const bytes of reads) for (const chunk of s.push(bytes)) send(chunk);
 * for (const chunk of s.end()) send(chunk);
 */
export class CsvRecordSplitter {
  private text: Buffer = empty;
  /** Where scanning resumes in `text`. */
  private pos = 0;
  private inQuotes = false;
  /** Whether `pos` is at the start of a field (where a `"` opens a quoted field). */
  private atFieldStart = true;
  /** Physical lines ended before `pos` since the start of the file. */
  private lines = 0;
  /** Where the current chunk's text starts in `text`, its first line, and its records so far. */
  private chunkStart = 0;
  private chunkLine = 1;
  private chunkRecords = 0;
  /** Where the record being scanned starts in `text`, and its line. */
  private recordStart = 0;
  private recordLine = 1;
  private headerSeen = false;
  /** Whole records of the current chunk from earlier pushes (so that a push copies only an unfinished record). */
  private parts: Buffer[] = [];
  private readonly out: CsvTextChunk[] = [];
  private readonly delim: number;
  private readonly nl: number;

  constructor(private readonly options: CsvRecordSplitterOptions) {
    this.delim = (options.delimiter ?? ',').charCodeAt(0);
    this.nl = options.newline === 'cr' ? 13 : 10;
  }

  /** The physical line reached: the line of the last character pushed so far. */
  currentLine(): number {
    return this.lines + 1 + countNewlines(this.text, this.pos, this.text.length, this.nl);
  }

  /** Adds bytes (which the splitter may keep: pass a buffer that is not reused); returns the chunks it completed. */
  push(bytes: Buffer): CsvTextChunk[] {
    if (this.recordStart > this.chunkStart) this.parts.push(this.text.subarray(this.chunkStart, this.recordStart));
    this.text =
      this.text.length === this.recordStart ? bytes : Buffer.concat([this.text.subarray(this.recordStart), bytes]);
    this.pos -= this.recordStart;
    this.chunkStart = this.recordStart = 0;
    this.scan(false);
    if (this.text.length - this.recordStart > this.options.maxRecordChars) {
      throw new FerryError(
        'FERRY_ERR_CSV_FIELD_TOO_LARGE',
        `the record starting on this line has no end within ${this.options.maxRecordChars} characters (an unclosed quote, or lines ended by something other than LF, CRLF or CR?)`,
        { file: this.options.file, line: this.recordLine },
      );
    }
    return this.out.splice(0);
  }

  /** Ends the text: the last chunk, with a last record that has no line end (or an unclosed quote, for the parser). */
  end(): CsvTextChunk[] {
    this.scan(true);
    if (this.text.length > this.recordStart) this.recordEnd(this.text.length, true);
    if (this.chunkRecords > 0) this.emit(this.text.length);
    this.text = empty;
    this.pos = this.chunkStart = this.recordStart = 0;
    return this.out.splice(0);
  }

  private scan(final: boolean): void {
    const t = this.text;
    const len = t.length;
    const nlByte = this.nl;
    const delim = this.delim;
    let pos = this.pos;
    while (pos < len) {
      if (this.inQuotes) {
        // Inside a quoted field: its end is the next quote that is not doubled.
        let close = t.indexOf(QUOTE, pos);
        while (close !== -1 && close + 1 < len && t[close + 1] === QUOTE) close = t.indexOf(QUOTE, close + 2);
        if (close === -1 || (close + 1 === len && !final)) {
          // A quote at the very end may be the first of a doubled pair: decide when more text comes.
          const stop = close === -1 ? len : close;
          this.lines += countNewlines(t, pos, stop, nlByte);
          pos = stop;
          break;
        }
        this.lines += countNewlines(t, pos, close, nlByte);
        this.inQuotes = false;
        this.atFieldStart = false;
        pos = close + 1;
        continue;
      }
      const nl = t.indexOf(nlByte, pos);
      const lineEnd = nl === -1 ? len : nl;
      // The first quote before the line end that opens a field (at a field start); others are ordinary characters.
      let q = t.indexOf(QUOTE, pos);
      while (q !== -1 && q < lineEnd && !((q === pos && this.atFieldStart) || (q > pos && t[q - 1] === delim)))
        q = t.indexOf(QUOTE, q + 1);
      if (q !== -1 && q < lineEnd) {
        this.inQuotes = true;
        pos = q + 1;
        continue;
      }
      if (nl === -1) {
        if (len > pos) this.atFieldStart = t[len - 1] === delim;
        pos = len;
        break;
      }
      this.lines++;
      pos = nl + 1;
      this.atFieldStart = true;
      this.recordEnd(pos, false);
    }
    this.pos = pos;
  }

  private recordEnd(end: number, last: boolean): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.chunkStart = end;
      this.chunkLine = this.lines + 1;
    } else if (++this.chunkRecords === this.options.recordsPerChunk) {
      this.emit(end);
    }
    this.recordStart = end;
    this.recordLine = this.lines + 1;
    if (last) this.pos = end;
  }

  private emit(end: number): void {
    if (this.chunkRecords === 0) return;
    const last = this.text.subarray(this.chunkStart, end);
    let size = last.length;
    for (const p of this.parts) size += p.length;
    // A buffer of its own, not a slice of a pooled one, so that it can be transferred to another thread.
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    for (const p of this.parts) at += p.copy(bytes, at);
    last.copy(bytes, at);
    this.parts = [];
    this.out.push({ bytes, firstLine: this.chunkLine, records: this.chunkRecords });
    this.chunkStart = end;
    this.chunkLine = this.lines + 1;
    this.chunkRecords = 0;
  }
}
