import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FerryError } from '../../errors.js';
import { fileInputHashes } from '../file-hash.js';
import {
  recordsAfter,
  type SourceConnector,
  type SourceInputHash,
  type SourceReadOptions,
  type SourceTableDescription,
} from '../source-connector.js';
import { flattenCsvBatches } from './csv-batch-flattener.js';
import { csvDelimiterNames } from './csv-delimiter-detector.js';
import type { CsvFileFormat } from './csv-file-format.js';
import {
  type CsvTextChunks,
  type ResolvedCsvReadOptions,
  readCsvBatches,
  readCsvFileFormat,
  readCsvTextChunks,
  resolveCsvReadOptions,
} from './csv-reader.js';
import type { CsvReadOptions, CsvRecord } from './csv-record.js';

const csvExtension = /\.csv$/i;

/** Table name of a CSV file: its file name without the `.csv` extension. */
export function csvTableName(file: string): string {
  return basename(file).replace(csvExtension, '');
}

/** How a source table's file was read, for reports: the file's name and its settled format. */
export interface CsvSourceFileFormat {
  table: string;
  /** The file's name (no folder, so that reports stay the same wherever the source sits). */
  file: string;
  encoding: CsvFileFormat['encoding'];
  encodingSource: CsvFileFormat['encodingSource'];
  /** `comma`, `semicolon`, `tab` or `pipe`. */
  delimiter: string;
  delimiterSource: CsvFileFormat['delimiterSource'];
  /** `lf` (LF or CRLF) or `cr`. */
  lineEnding: CsvFileFormat['newline'];
}

/**
 * A source of CSV tables: every `*.csv` file of a folder (not its sub-folders), or one file.
 * Tables are named after their files without `.csv` and listed in sorted order. Each file's format (encoding from the
 * whole file, delimiter, line end) is settled once, on first use, unless declared (`encoding`, `delimiter`); records
 * are read headed (see `CsvReadOptions.headed`): an unbalanced quote gives `malformed` records, one per line.
 *
 * @example
 * const source = await CsvSourceConnector.open('extract/', { encoding: 'auto' });
 * for (const table of source.tables()) {
 *   const header = await source.header(table);
 *   for await (const { line, fields } of source.rows(table)) { ... }
 * }
 */
export class CsvSourceConnector implements SourceConnector {
  readonly kind = 'csv';
  private readonly formats = new Map<string, Promise<CsvFileFormat>>();

  private constructor(
    /** The folder or file the source was opened on. */
    readonly path: string,
    private readonly files: ReadonlyMap<string, string>,
    private readonly options: ResolvedCsvReadOptions,
  ) {}

  /** Opens a folder of CSV files or a single CSV file; FERRY_ERR_NOT_FOUND when there is nothing to read. */
  static async open(path: string, options: CsvReadOptions = {}): Promise<CsvSourceConnector> {
    const resolved = resolveCsvReadOptions({ delimiter: 'auto', headed: true, ...options });
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (e) {
      throw new FerryError('FERRY_ERR_NOT_FOUND', 'no such file or folder', { file: path }, { cause: e });
    }
    const files = new Map<string, string>();
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const names = entries
        .filter((e) => e.isFile() && csvExtension.test(e.name))
        .map((e) => e.name)
        .sort();
      for (const name of names) {
        const table = csvTableName(name);
        if (files.has(table)) {
          throw new FerryError('FERRY_ERR_INPUT', `two files give table '${table}' (names differ only in case)`, {
            file: join(path, name),
          });
        }
        files.set(table, join(path, name));
      }
      if (files.size === 0)
        throw new FerryError('FERRY_ERR_NOT_FOUND', 'the folder holds no .csv files', { file: path });
    } else {
      files.set(csvTableName(path), path);
    }
    return new CsvSourceConnector(path, files, resolved);
  }

  /** The folder or file, as given. */
  get location(): string {
    return this.path;
  }

  /** Table names, sorted. */
  tables(): string[] {
    return [...this.files.keys()];
  }

  /** The file a table is read from. */
  filePath(table: string): string {
    const file = this.files.get(table);
    if (file === undefined) {
      throw new FerryError('FERRY_ERR_NOT_FOUND', `no table '${table}'; tables: ${this.tables().join(', ')}`, {
        file: this.path,
        table,
      });
    }
    return file;
  }

  /** The header record's fields. An empty file has no header: FERRY_ERR_INPUT. */
  async header(table: string): Promise<string[]> {
    const file = this.filePath(table);
    for await (const batch of readCsvBatches(file, this.options, await this.format(table))) {
      if (batch[0]) return batch[0].fields;
    }
    throw new FerryError('FERRY_ERR_INPUT', 'the file is empty: it has no header row', { file, table });
  }

  /** Data records (header skipped), ragged ones included, each with the line it starts on. */
  rows(table: string, options: SourceReadOptions = {}): AsyncGenerator<CsvRecord> {
    const all = flattenCsvBatches(this.rowBatches(table));
    return options.after === undefined ? all : recordsAfter(all, options.after);
  }

  /** The header's columns: a CSV file has no types and no declared key. */
  async describe(table: string): Promise<SourceTableDescription> {
    return { table, columns: (await this.header(table)).map((name) => ({ name })), primaryKey: [] };
  }

  /** Each table's file by name with its sha256 and size, in table order. */
  inputHashes(): Promise<SourceInputHash[]> {
    return fileInputHashes(this.tables(), (t) => this.filePath(t));
  }

  /** Nothing is held open between reads. */
  async close(): Promise<void> {}

  /** Data records in batches (one per chunk read from the file), for bulk readers. */
  async *rowBatches(table: string): AsyncGenerator<CsvRecord[]> {
    let first = true;
    for await (const batch of readCsvBatches(this.filePath(table), this.options, await this.format(table))) {
      const rows = first ? batch.slice(1) : batch;
      first = false;
      if (rows.length > 0) yield rows;
    }
  }

  /** Data records as runs of whole records of text (header left out), for parsing on worker threads. */
  async textChunks(table: string, recordsPerChunk: number): Promise<CsvTextChunks> {
    return readCsvTextChunks(this.filePath(table), recordsPerChunk, this.options, await this.format(table));
  }

  /** How the table's file is read: declared or detected (the encoding from the whole file), settled once. */
  format(table: string): Promise<CsvFileFormat> {
    let found = this.formats.get(table);
    if (!found) {
      found = readCsvFileFormat(this.filePath(table), this.options);
      // A failed detection is not kept: the next use tries again (and fails the same way on the same file).
      found.catch(() => this.formats.delete(table));
      this.formats.set(table, found);
    }
    return found;
  }

  /** The table's encoding: the declared one, or the one detected from its whole file. */
  async encoding(table: string): Promise<string> {
    return (await this.format(table)).encoding;
  }

  /** The table's file and format, as reports record them. */
  async describeFile(table: string): Promise<CsvSourceFileFormat> {
    const f = await this.format(table);
    return {
      table,
      file: basename(this.filePath(table)),
      encoding: f.encoding,
      encodingSource: f.encodingSource,
      delimiter: csvDelimiterNames[f.delimiter],
      delimiterSource: f.delimiterSource,
      lineEnding: f.newline,
    };
  }
}
