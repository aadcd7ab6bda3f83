/** The encodings the CSV reader decodes. `latin1` is ISO-8859-1 proper (0x80–0x9F are C1 controls). */
export const csvEncodings = ['utf-8', 'windows-1252', 'latin1'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

/** The field delimiters the reader detects (and accepts when declared): comma, semicolon, tab and pipe. */
export const csvDelimiters = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** How records end: `lf` is LF or CRLF (mixed is fine), `cr` a bare CR. */
export type CsvNewline = 'lf' | 'cr';

/** Default maximum size of one field: 16 MiB. */
export const defaultMaxFieldBytes = 16 * 1024 * 1024;

/** Options of the CSV reader. */
export interface CsvReadOptions {
  /** Declared encoding, or `'auto'` (default): a UTF-8 BOM or valid UTF-8 means UTF-8, else Windows-1252. */
  encoding?: 'auto' | CsvEncoding;
  /** Largest field allowed, in bytes of the file's encoding (default 16 MiB). */
  maxFieldBytes?: number;
  /**
   * Declared field delimiter, or `'auto'`: detected from the header and a sample of records (comma, semicolon, tab
   * or pipe; FERRY_ERR_CSV_DELIMITER when ambiguous). Default `,` (Ferry's own files); source connectors use `'auto'`.
   */
  delimiter?: 'auto' | CsvDelimiter;
  /**
   * The first record is a header and the rest are data checked against its width: an unbalanced quote that
   * swallowed lines comes back as one `malformed` record per physical line instead of one merged record (or, at the
   * end of the file, an error). Default false (config files); source connectors read headed.
   */
  headed?: boolean;
}

/** Why a physical line is part of a malformed record, and which lines the record spans. */
export interface CsvMalformed {
  /** The record's first and last physical lines. */
  firstLine: number;
  lastLine: number;
  /** Fields the lines read as together, or undefined when a quote was still open at the end of the file. */
  mergedFields?: number;
  /** The header's field count. */
  expectedFields: number;
  /** True on every line but the first: a chunk of records counts the first line only (as the file splitter does). */
  continuation: boolean;
}

/**
 * One CSV record as it is in the file. `line` is the 1-based physical line where the record starts;
 * a record with a quoted newline spans several physical lines.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
  /**
   * Set on each physical line of a record an unbalanced quote made of several lines (headed reads only): the line's
   * own fields (for its key) are given, but the line is not a trustworthy record and must not be loaded.
   */
  malformed?: CsvMalformed;
}
