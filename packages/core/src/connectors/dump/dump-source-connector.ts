import { FerryError } from '../../errors.js';
import { fileInputHashes } from '../file-hash.js';
import type {
  SourceConnector,
  SourceInputHash,
  SourceReadOptions,
  SourceRecord,
  SourceTableDescription,
} from '../source-connector.js';
import { detectTextEncoding, readTextLines, type TextEncoding } from '../text-lines.js';
import { type DumpLayout, type DumpTableLayout, isDelimited, readDumpLayout } from './dump-layout.js';

/**
 * A source of legacy dumps described by a layout file (`readDumpLayout`): delimited files (a separator such as `^` or
 * `|`, no quoting, as MUMPS/Caché global exports write them) and fixed-width files (columns by character position,
 * padding trimmed), each in a declared or detected encoding. A record is a physical line; blank lines are skipped;
 * its position is its line. A delimited line with more or fewer fields than the columns is given as it is (ragged),
 * so the load rejects it by line, as it does for CSV.
 *
 * @example
 * const source = await DumpSourceConnector.open('dump/layout.json');
 */
export class DumpSourceConnector implements SourceConnector {
  readonly kind = 'dump';
  private readonly encodings = new Map<string, Promise<TextEncoding>>();
  private readonly headers = new Map<string, Promise<string[]>>();

  private constructor(
    readonly location: string,
    private readonly layout: DumpLayout,
  ) {}

  static async open(layoutFile: string): Promise<DumpSourceConnector> {
    return new DumpSourceConnector(layoutFile, await readDumpLayout(layoutFile));
  }

  tables(): string[] {
    return this.layout.tables.map((t) => t.name).sort();
  }

  private table(name: string): DumpTableLayout {
    const t = this.layout.tables.find((x) => x.name === name);
    if (!t) {
      throw new FerryError('FERRY_ERR_NOT_FOUND', `no table '${name}'; tables: ${this.tables().join(', ')}`, {
        file: this.location,
        table: name,
      });
    }
    return t;
  }

  filePath(table: string): string {
    return this.table(table).file;
  }

  /** The table's encoding: declared (by the table or the layout) or detected from its whole file. */
  encoding(table: string): Promise<TextEncoding> {
    const t = this.table(table);
    const declared = t.encoding ?? this.layout.encoding;
    if (declared !== 'auto') return Promise.resolve(declared);
    let found = this.encodings.get(table);
    if (!found) {
      found = detectTextEncoding(t.file);
      this.encodings.set(table, found);
    }
    return found;
  }

  async header(table: string): Promise<string[]> {
    let found = this.headers.get(table);
    if (!found) {
      found = this.readHeader(this.table(table));
      found.catch(() => this.headers.delete(table));
      this.headers.set(table, found);
    }
    return found;
  }

  private async readHeader(t: DumpTableLayout): Promise<string[]> {
    if (!isDelimited(t)) return t.columns.map((c) => c.name);
    if (!t.header) return t.columns!;
    for await (const { line, text } of readTextLines(t.file, await this.encoding(t.name))) {
      const names = text.split(t.delimiter);
      if (t.columns && names.join('\u0000') !== t.columns.join('\u0000')) {
        throw new FerryError(
          'FERRY_ERR_INPUT',
          `the header line (${names.join(t.delimiter)}) differs from the layout's columns (${t.columns.join(t.delimiter)})`,
          { file: t.file, line },
        );
      }
      return names;
    }
    throw new FerryError('FERRY_ERR_INPUT', 'the file is empty: it has no header line', { file: t.file });
  }

  async describe(table: string): Promise<SourceTableDescription> {
    return { table, columns: (await this.header(table)).map((name) => ({ name })), primaryKey: [] };
  }

  async *rows(table: string, options: SourceReadOptions = {}): AsyncGenerator<SourceRecord> {
    const t = this.table(table);
    await this.header(table);
    const split: (text: string) => string[] = isDelimited(t)
      ? (text) => text.split(t.delimiter)
      : (text) => t.columns.map((c) => text.slice(c.start - 1, c.start - 1 + c.length).trim());
    let first = true;
    for await (const { line, text } of readTextLines(t.file, await this.encoding(table))) {
      if (first) {
        first = false;
        if (t.header) continue;
      }
      if (text === '' || (options.after !== undefined && line <= options.after)) continue;
      yield { line, fields: split(text) };
    }
  }

  inputHashes(): Promise<SourceInputHash[]> {
    return fileInputHashes(this.tables(), (t) => this.filePath(t));
  }

  async close(): Promise<void> {}
}
