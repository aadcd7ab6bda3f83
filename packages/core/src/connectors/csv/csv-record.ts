/** The encodings the CSV reader decodes. `latin1` is ISO-8859-1 proper (0x80–0x9F are C1 controls). */
export const csvEncodings = ['utf-8', 'windows-1252', 'latin1'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

/** Default maximum size of one field: 16 MiB. */
export const defaultMaxFieldBytes = 16 * 1024 * 1024;

/** Options of the CSV reader. */
export interface CsvReadOptions {
  /** Declared encoding, or `'auto'` (default): a UTF-8 BOM or valid UTF-8 means UTF-8, else Windows-1252. */
  encoding?: 'auto' | CsvEncoding;
  /** Largest field allowed, in bytes of the file's encoding (default 16 MiB). */
  maxFieldBytes?: number;
}

/**
 * One CSV record as it is in the file. `line` is the 1-based physical line where the record starts;
 * a record with a quoted newline spans several physical lines.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}
