import { fileInputHashes } from '../file-hash.js';
import { listFileTables, tableFile } from '../file-tables.js';
import type {
  SourceConnector,
  SourceInputHash,
  SourceReadOptions,
  SourceRecord,
  SourceTableDescription,
} from '../source-connector.js';
import { flattenJsonRecord } from './flatten-json-record.js';
import { readJsonRecords } from './json-records.js';

const jsonExtension = /\.(json|ndjson|jsonl)$/i;

/**
 * A source of JSON tables: every `*.json`, `*.ndjson` or `*.jsonl` file of a folder, or one file; a table is named
 * after its file. A file holds an array of records or one record per line (detected from its first character).
 * Nested objects are flattened with dotted names (`address.postcode`); the header is every name seen, in order of
 * first appearance (one streaming pass, kept per table), and a record without a name has the empty string there.
 * A record's position is its line (NDJSON) or its index in the array (1-based).
 *
 * @example
 * const source = await JsonSourceConnector.open('extract/');
 * for await (const { line, fields } of source.rows('PATIENT')) { ... }
 */
export class JsonSourceConnector implements SourceConnector {
  readonly kind = 'json';
  private readonly headers = new Map<string, Promise<string[]>>();

  private constructor(
    readonly location: string,
    private readonly files: ReadonlyMap<string, string>,
  ) {}

  static async open(path: string): Promise<JsonSourceConnector> {
    return new JsonSourceConnector(path, await listFileTables(path, jsonExtension, '.json, .ndjson or .jsonl'));
  }

  tables(): string[] {
    return [...this.files.keys()];
  }

  filePath(table: string): string {
    return tableFile(this.files, table, this.location);
  }

  async header(table: string): Promise<string[]> {
    let found = this.headers.get(table);
    if (!found) {
      found = this.readHeader(this.filePath(table));
      found.catch(() => this.headers.delete(table));
      this.headers.set(table, found);
    }
    return found;
  }

  private async readHeader(file: string): Promise<string[]> {
    const names = new Set<string>();
    for await (const { value } of readJsonRecords(file)) {
      for (const name of flattenJsonRecord(value).keys()) names.add(name);
    }
    return [...names];
  }

  async describe(table: string): Promise<SourceTableDescription> {
    return { table, columns: (await this.header(table)).map((name) => ({ name })), primaryKey: [] };
  }

  async *rows(table: string, options: SourceReadOptions = {}): AsyncGenerator<SourceRecord> {
    const header = await this.header(table);
    for await (const { line, value } of readJsonRecords(this.filePath(table))) {
      if (options.after !== undefined && line <= options.after) continue;
      const flat = flattenJsonRecord(value);
      yield { line, fields: header.map((name) => flat.get(name) ?? '') };
    }
  }

  inputHashes(): Promise<SourceInputHash[]> {
    return fileInputHashes(this.tables(), (t) => this.filePath(t));
  }

  async close(): Promise<void> {}
}
