import type { CsvMalformed, CsvRecord } from './csv-record.js';

/** How the lines of a malformed record are cut and split. */
export interface MalformedSplitOptions {
  delimiter: string;
  /** The line end character: LF or CR. */
  newline: string;
  /** Whether a CR before a LF belongs to the line end. */
  crlf: boolean;
  /** The header's field count. */
  expected: number;
}

/**
 * Fields of one physical line read on its own: quotes are honoured within the line only (a quote still open at the
 * line end runs to it). Used to give each line of a malformed record its own key for the rejects file.
 */
export function splitCsvLine(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          value += text.slice(j);
          j = text.length;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        j = q + 1;
        break;
      }
      const d = text.indexOf(delimiter, j);
      value += text.slice(j, d === -1 ? text.length : d);
      i = d === -1 ? text.length + 1 : d + 1;
    } else {
      const d = text.indexOf(delimiter, i);
      value = text.slice(i, d === -1 ? text.length : d);
      i = d === -1 ? text.length + 1 : d + 1;
    }
    fields.push(value);
    if (i > text.length) return fields;
  }
}

/**
 * Splits the raw text of a record that an unbalanced quote made of several physical lines (its width is not the
 * header's, or text follows the closing quote of a field, or the quote never closes) back into those lines:
 * one record per line, each with the fields it reads as on its own and flagged `malformed` (the record's line span,
 * the merged field count, the header's). Nothing of such a record may load: which of its quotes is wrong cannot be
 * known, so every line is reported, and conservation counts the lines the file has, not the one record the quote
 * made. Returns the number of lines (the text's line ends; a last line without one counts).
 *
 * @example
 * const out: CsvRecord[] = [];
 * splitMalformedRecord('5,"SMITH,M,A\n6,JONES,F,"A"\n', 5, { delimiter: ',', newline: '\n', crlf: true, expected: 4 }, 2, out);
 * // out: lines 5 and 6, each { malformed: { firstLine: 5, lastLine: 6, mergedFields: 2, expectedFields: 4, ... } }
 */
export function splitMalformedRecord(
  text: string,
  firstLine: number,
  options: MalformedSplitOptions,
  mergedFields: number | undefined,
  out: CsvRecord[],
): number {
  const pieces = text.split(options.newline);
  if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
  const lastLine = firstLine + pieces.length - 1;
  for (const [i, raw] of pieces.entries()) {
    const piece = options.crlf && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const malformed: CsvMalformed = {
      firstLine,
      lastLine,
      expectedFields: options.expected,
      continuation: i > 0,
    };
    if (mergedFields !== undefined) malformed.mergedFields = mergedFields;
    out.push({ line: firstLine + i, fields: splitCsvLine(piece, options.delimiter), malformed });
  }
  return pieces.length;
}

/** The reject message for a line of a malformed record (line numbers and counts only, never values). */
export function malformedRecordMessage(m: CsvMalformed): string {
  const span = `lines ${m.firstLine}-${m.lastLine}`;
  return m.mergedFields === undefined
    ? `a quote in the record starting on line ${m.firstLine} is not closed before the end of the file: ${span} are not loaded`
    : m.mergedFields === m.expectedFields
      ? `an unbalanced quote made ${span} one record (text follows a closing quote): none of these lines is loaded`
      : `an unbalanced quote made ${span} one record of ${m.mergedFields} field${m.mergedFields === 1 ? '' : 's'} (header has ${m.expectedFields}): none of these lines is loaded`;
}

/**
 * True for a line of a malformed record (see `splitMalformedRecord`): readers that infer or count values from records
 * leave such lines out, since which field each value belongs to cannot be known.
 */
export function isMalformedCsvRecord(record: object): boolean {
  return (record as { malformed?: unknown }).malformed !== undefined;
}
