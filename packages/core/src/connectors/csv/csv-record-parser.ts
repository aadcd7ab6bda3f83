import { FerryError } from '../../errors.js';
import { splitMalformedRecord } from './csv-malformed-record.js';
import type { CsvDelimiter, CsvNewline, CsvRecord } from './csv-record.js';

const QUOTE = 34;
const CR = 13;

/** Settings of one parse: the file name for errors, the field limit and how a field's size is measured. */
export interface CsvRecordParserOptions {
  /** Named in error messages. */
  file: string;
  maxFieldBytes: number;
  /** Size of a field in bytes of the source encoding (default: UTF-8 byte length). */
  fieldBytes?: (value: string) => number;
  /** The physical line the text starts on (default 1): for text that is a later part of a file. */
  firstLine?: number;
  /** The field delimiter, one ASCII character (default `,`). */
  delimiter?: CsvDelimiter;
  /** What ends a record: LF (with or without a CR before it, the default) or a bare CR (old Mac exports). */
  newline?: CsvNewline;
  /**
   * Data mode: records are checked against this field count (the header's). A record that spans physical lines
   * through a quoted field but has another field count is an unbalanced quote that swallowed lines: it comes back
   * as one record per physical line, each flagged `malformed`, and so does a quote still open at the end of the text
   * (instead of FERRY_ERR_CSV_UNTERMINATED_QUOTE). Without it (config files), records are returned as parsed.
   */
  expectedFields?: number;
  /** Data mode with the header in the text: the first record sets `expectedFields`. */
  headed?: boolean;
}

const utf8Bytes = (value: string) => Buffer.byteLength(value, 'utf8');

/**
 * An incremental RFC 4180 parser over decoded text. Feed it text in chunks of any size with `push`,
 * then call `end`; complete records are appended to the `out` array.
 *
 * - Fields are separated by `,` (or the `delimiter` given) and records by LF or CRLF (mixed is fine; a lone CR is
 *   data), or by a bare CR when `newline` is `'cr'`.
 * - Data mode (`headed` or `expectedFields`): an unbalanced quote that swallowed lines gives one record per
 *   physical line, flagged `malformed`, so that nothing is silently merged (see `splitMalformedRecord`).
 * - A field that starts with `"` is quoted: it may hold commas, CR, LF and doubled quotes `""`.
 *   Text after a closing quote and before the next separator is kept as written (lenient, never dropped).
 *   A `"` inside an unquoted field is an ordinary character.
 * - A blank line is a record with one empty field (nothing is dropped; callers see it as ragged).
 * - A last record without a final newline still counts.
 * - Lines without quotes take a fast path (`indexOf` + `split`); only lines with quotes are scanned per field.
 *
 * @example
 * const p = new CsvRecordParser({ file: 'x.csv', maxFieldBytes: 1 << 24 });
 * const out: CsvRecord[] = [];
 * p.push('a,"b\nc"\r\n1,', out);
 * p.push('2\n', out);
 * p.end(out); // out: [{ line: 1, fields: ['a', 'b\nc'] }, { line: 3, fields: ['1', '2'] }]
 */
export class CsvRecordParser {
  private pending = '';
  private pendingLine = 1;
  /** Do not re-parse `pending` until it reaches this length (keeps huge fields linear, not quadratic). */
  private reparseAt = 0;
  private readonly maxFieldBytes: number;
  /** An incomplete record longer than this is an error: memory stays bounded even without any newline. */
  private readonly maxRecordChars: number;
  private readonly fieldBytes: (value: string) => number;
  private readonly file: string;
  /** Set by `parseQuotedRecord`: index after the record's terminator. */
  private next = 0;
  /** Set by `parseQuotedRecord`: newlines inside quoted fields (extra physical lines of the record). */
  private innerLines = 0;
  /** Set by `parseQuotedRecord`: text follows the closing quote of a field (`"ab"c`), a sign of a stray quote. */
  private strayText = false;
  private readonly delim: string;
  private readonly delimCode: number;
  private readonly nl: string;
  private readonly nlCode: number;
  /** A CR before the record's LF is part of the line end (not with bare-CR line ends). */
  private readonly crlf: boolean;
  private expected: number | undefined;
  private headed: boolean;

  constructor(options: CsvRecordParserOptions) {
    this.file = options.file;
    this.maxFieldBytes = options.maxFieldBytes;
    this.maxRecordChars = Math.max(4 * options.maxFieldBytes, 64 * 1024 * 1024);
    this.fieldBytes = options.fieldBytes ?? utf8Bytes;
    this.pendingLine = options.firstLine ?? 1;
    this.delim = options.delimiter ?? ',';
    this.delimCode = this.delim.charCodeAt(0);
    this.nl = options.newline === 'cr' ? '\r' : '\n';
    this.nlCode = this.nl.charCodeAt(0);
    this.crlf = options.newline !== 'cr';
    this.expected = options.expectedFields;
    this.headed = options.headed === true && options.expectedFields === undefined;
  }

  /** Parses as many complete records as `text` (after what was left over) holds. */
  push(text: string, out: CsvRecord[]): void {
    const buf = this.pending.length > 0 ? this.pending + text : text;
    if (buf.length < this.reparseAt && buf.length <= this.maxRecordChars) {
      this.pending = buf;
      return;
    }
    this.parse(buf, false, out);
  }

  /** Parses what is left at the end of the input; throws on an unterminated quoted field. */
  end(out: CsvRecord[]): void {
    const buf = this.pending;
    this.pending = '';
    this.reparseAt = 0;
    if (buf.length > 0) this.parse(buf, true, out);
  }

  /** The physical line the parser has reached: the line of the last character pushed so far. */
  currentLine(): number {
    let line = this.pendingLine;
    let i = this.pending.indexOf(this.nl);
    while (i !== -1) {
      line++;
      i = this.pending.indexOf(this.nl, i + 1);
    }
    return line;
  }

  private parse(buf: string, final: boolean, out: CsvRecord[]): void {
    const len = buf.length;
    const cheapLimit = this.maxFieldBytes / 4;
    const nlChar = this.nl;
    let pos = 0;
    let line = this.pendingLine;
    let quote = buf.indexOf('"');
    while (pos < len) {
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      const nl = buf.indexOf(nlChar, pos);
      if (quote === -1 || (nl !== -1 && quote > nl)) {
        // Fast path: no quote before the end of this line.
        let end = nl;
        if (end === -1) {
          if (!final) {
            this.checkOpenUnquoted(buf, pos, line);
            break;
          }
          end = len;
        }
        const stop = this.crlf && end > pos && buf.charCodeAt(end - 1) === CR ? end - 1 : end;
        const fields = buf.slice(pos, stop).split(this.delim);
        if (stop - pos > cheapLimit) this.checkFields(fields, line);
        this.emit({ line, fields }, out);
        line++;
        pos = end === len ? len : end + 1;
        continue;
      }
      const fields = this.parseQuotedRecord(buf, pos, nl, line, final);
      if (fields === undefined) break;
      if (fields === unterminated) {
        // Data mode: a quote still open at the end of the file swallowed every line after it.
        line += splitMalformedRecord(buf.slice(pos), line, this.splitOptions(), undefined, out);
        pos = len;
        continue;
      }
      if (this.innerLines > 0 && this.expected !== undefined && (fields.length !== this.expected || this.strayText)) {
        // A quoted field spanning lines in a record of the wrong width, or with text after a closing quote: an
        // unbalanced quote swallowed lines.
        line += splitMalformedRecord(buf.slice(pos, this.next), line, this.splitOptions(), fields.length, out);
      } else {
        this.emit({ line, fields }, out);
        line += 1 + this.innerLines;
      }
      pos = this.next;
    }
    this.pending = pos < len ? buf.slice(pos) : '';
    this.pendingLine = line;
    if (this.pending.length > this.maxRecordChars) {
      throw new FerryError(
        'FERRY_ERR_CSV_FIELD_TOO_LARGE',
        `the record starting on this line has no end within ${this.maxRecordChars} characters (an unclosed quote, or lines ended by something other than LF, CRLF or CR?)`,
        { file: this.file, line },
      );
    }
    // A long incomplete record waits for at least as much text again before it is re-parsed.
    this.reparseAt = this.pending.length > 1 << 16 ? this.pending.length * 2 : 0;
  }

  private emit(record: CsvRecord, out: CsvRecord[]): void {
    if (this.headed) {
      this.headed = false;
      this.expected = record.fields.length;
    }
    out.push(record);
  }

  private splitOptions() {
    return { delimiter: this.delim, newline: this.nl, crlf: this.crlf, expected: this.expected ?? 0 };
  }

  /**
   * Parses one record that contains at least one `"`, field by field. `nl` is the index of the first line end
   * at or after `start` (-1 if none); separators are found with cached `indexOf` scans. Returns the fields
   * (and sets `next` and `innerLines`), `undefined` when the record needs more text, or `unterminated` (data mode)
   * for a quote still open at the end of the final text.
   */
  private parseQuotedRecord(
    buf: string,
    start: number,
    nl: number,
    line: number,
    final: boolean,
  ): string[] | undefined | typeof unterminated {
    const len = buf.length;
    const fields: string[] = [];
    const delim = this.delim;
    const delimCode = this.delimCode;
    const nlCode = this.nlCode;
    let innerLines = 0;
    let p = start;
    let comma = buf.indexOf(delim, start);
    this.strayText = false;
    for (;;) {
      let value: string;
      const fieldLine = line + innerLines;
      if (p < len && buf.charCodeAt(p) === QUOTE) {
        const fieldStart = p;
        let seg = p + 1;
        let close = buf.indexOf('"', seg);
        value = '';
        while (close !== -1 && close < len - 1 && buf.charCodeAt(close + 1) === QUOTE) {
          value += buf.slice(seg, close + 1);
          seg = close + 2;
          close = buf.indexOf('"', seg);
        }
        if (close === -1 || (close === len - 1 && !final)) {
          if (final) {
            if (this.expected !== undefined && !this.headed) return unterminated;
            this.throwUnterminated(fieldLine);
          }
          this.checkOpenQuoted(len - fieldStart, fieldLine, fields.length + 1);
          return undefined;
        }
        value = value.length === 0 ? buf.slice(seg, close) : value + buf.slice(seg, close);
        p = close + 1;
        if (nl !== -1 && close > nl) {
          // The field spans lines: count them and find the next line end after it.
          innerLines += countNewlines(value, this.nl);
          nl = buf.indexOf(this.nl, p);
        }
        if (p < len) {
          const c = buf.charCodeAt(p);
          if (c !== delimCode && c !== nlCode && !(this.crlf && c === CR && buf.charCodeAt(p + 1) === nlCode)) {
            // Lenient: text after the closing quote is kept up to the next separator.
            const tail = this.unquotedEnd(buf, p, final);
            if (tail === -1) return undefined;
            this.strayText = true;
            value += buf.slice(p, tail);
            p = tail;
          }
        } else if (!final) {
          return undefined;
        }
      } else {
        if (comma !== -1 && comma < p) comma = buf.indexOf(delim, p);
        let end: number;
        if (comma !== -1 && (nl === -1 || comma < nl)) end = comma;
        else if (nl !== -1) end = this.crlf && nl > p && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        else if (!final) {
          if (len - p > this.maxFieldBytes) this.throwTooLarge(fieldLine, fields.length + 1);
          return undefined;
        } else end = this.crlf && len > p && buf.charCodeAt(len - 1) === CR ? len - 1 : len;
        value = buf.slice(p, end);
        p = end;
      }
      if (value.length > this.maxFieldBytes / 4) this.checkField(value, fieldLine, fields.length + 1);
      fields.push(value);
      // p is at a separator: the delimiter, a line end (LF, CRLF or bare CR), or the end of the text.
      if (p >= len) return this.done(fields, len, innerLines);
      const c = buf.charCodeAt(p);
      if (c === delimCode) {
        p++;
        if (p === len) {
          if (!final) return undefined;
          fields.push('');
          return this.done(fields, len, innerLines);
        }
        continue;
      }
      if (c === nlCode) return this.done(fields, p + 1, innerLines);
      // CR: CRLF, or a lone CR at the very end of the input.
      return this.done(fields, Math.min(p + 2, len), innerLines);
    }
  }

  private done(fields: string[], next: number, innerLines: number): string[] {
    this.next = next;
    this.innerLines = innerLines;
    return fields;
  }

  /**
   * End of an unquoted run starting at `p`: the index of the next delimiter, of the CR of a CRLF, or of a line end;
   * at the end of the final text, `len` (minus a trailing CR). -1 when more text is needed.
   */
  private unquotedEnd(buf: string, p: number, final: boolean): number {
    const len = buf.length;
    for (let i = p; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (c === this.delimCode || c === this.nlCode) {
        return this.crlf && c === this.nlCode && i > p && buf.charCodeAt(i - 1) === CR ? i - 1 : i;
      }
    }
    if (!final) return -1;
    return this.crlf && len > p && buf.charCodeAt(len - 1) === CR ? len - 1 : len;
  }

  private checkFields(fields: string[], line: number): void {
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (f.length > this.maxFieldBytes / 4) this.checkField(f, line, i + 1);
    }
  }

  private checkField(value: string, line: number, position: number): void {
    if (this.fieldBytes(value) > this.maxFieldBytes) this.throwTooLarge(line, position);
  }

  /** An unfinished unquoted field at the end of the text so far. */
  private checkOpenUnquoted(buf: string, pos: number, line: number): void {
    const lastComma = buf.lastIndexOf(this.delim);
    const fieldStart = lastComma >= pos ? lastComma + 1 : pos;
    if (buf.length - fieldStart > this.maxFieldBytes) {
      let position = 1;
      for (let i = buf.indexOf(this.delim, pos); i !== -1 && i < fieldStart; i = buf.indexOf(this.delim, i + 1))
        position++;
      this.throwTooLarge(line, position);
    }
  }

  /** An unfinished field at the end of the text so far: raw characters already seen. */
  private checkOpenQuoted(rawChars: number, line: number, position: number): void {
    // Raw text of a quoted field is at most twice its value (doubled quotes) plus its two quotes.
    if (rawChars > 2 * this.maxFieldBytes + 2) this.throwTooLarge(line, position, true);
  }

  private throwTooLarge(line: number, position: number, quoted = false): never {
    const hint = quoted ? ' (a quoted field still open: is its quote unbalanced?)' : '';
    throw new FerryError(
      'FERRY_ERR_CSV_FIELD_TOO_LARGE',
      `field ${position} of the record starting on this line exceeds the maximum field size of ${this.maxFieldBytes} bytes${hint}`,
      { file: this.file, line },
    );
  }

  private throwUnterminated(line: number): never {
    throw new FerryError(
      'FERRY_ERR_CSV_UNTERMINATED_QUOTE',
      'a quoted field that starts on this line is not closed before the end of the file',
      { file: this.file, line },
    );
  }
}

function countNewlines(s: string, nl: string): number {
  let n = 0;
  for (let i = s.indexOf(nl); i !== -1; i = s.indexOf(nl, i + 1)) n++;
  return n;
}

/** What `parseQuotedRecord` returns for a quote still open at the end of the final text, in data mode. */
const unterminated = Symbol('unterminated');
