import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FerryError } from '../../errors.js';
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

/** The file of a JSON folder that declares its tables' columns (not a table itself). */
export const jsonColumnsFile = '_columns.json';

const declaredColumnsSchema = z.record(z.string(), z.array(z.string().min(1)));

async function readDeclaredColumns(folder: string): Promise<Record<string, string[]>> {
  const path = join(folder, jsonColumnsFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FerryError('FERRY_ERR_INPUT', `${jsonColumnsFile} is not JSON: ${(e as Error).message}`, { file: path });
  }
  const parsed = declaredColumnsSchema.safeParse(json);
  if (!parsed.success) {
    throw new FerryError('FERRY_ERR_INPUT', `${jsonColumnsFile} must map each table to its column names`, {
      file: path,
    });
  }
  return parsed.data;
}

/**
 * A source of JSON tables: every `*.json`, `*.ndjson` or `*.jsonl` file of a folder, or one file; a table is named
 * after its file. A file holds an array of records or one record per line (detected from its first character).
 * Nested objects are flattened with dotted names (`address.postcode`); the header is every name seen, in order of
 * first appearance (one streaming pass, kept per table), and a record without a name has the empty string there.
 * A folder may declare its tables' columns in `_columns.json` (`{"PATIENT": ["PAT_ID", ...]}`), as export tools
 * list their fields: declared columns come first, in their order, then any others the records hold; a table
 * with no records still has its declared columns (JSON cannot otherwise say what an empty table's columns are).
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
    private readonly declared: Readonly<Record<string, string[]>>,
  ) {}

  static async open(path: string): Promise<JsonSourceConnector> {
    const files = await listFileTables(path, jsonExtension, '.json, .ndjson or .jsonl');
    const isFolder = (await stat(path)).isDirectory();
    const declared = isFolder ? await readDeclaredColumns(path) : {};
    if (isFolder) files.delete(jsonColumnsFile.replace(jsonExtension, ''));
    if (files.size === 0)
      throw new FerryError('FERRY_ERR_NOT_FOUND', 'the folder holds no JSON tables', { file: path });
    return new JsonSourceConnector(path, files, declared);
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
      found = this.readHeader(this.filePath(table), this.declared[table] ?? []);
      found.catch(() => this.headers.delete(table));
      this.headers.set(table, found);
    }
    return found;
  }

  private async readHeader(file: string, declared: readonly string[]): Promise<string[]> {
    const names = new Set<string>(declared);
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
