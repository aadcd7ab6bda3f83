import type { CsvMalformed } from './csv/csv-record.js';

/**
 * One record of a source table, as every connector yields it: its fields as text, in the order of the table's header,
 * and its position. The position is where the record is in the source, 1-based and rising in the table's stable
 * order: the physical line it starts on for text files (CSV, NDJSON, dumps, the header being line 1 where there is
 * one), the sheet row for a workbook, the record's ordinal for a JSON array or a database table. A read resumes after
 * a position (`SourceReadOptions.after`).
 *
 * A missing value (SQL NULL, an empty cell, a JSON null or absent key) is the empty string, as a CSV export writes it.
 */
export interface SourceRecord {
  /** The record's position (see above); named `line` because text files were the first sources. */
  line: number;
  fields: string[];
  /** Only from text sources: set on each line of a record an unbalanced quote made of several lines. */
  malformed?: CsvMalformed;
}

/** A source column as the connector knows it: its name and, where the source declares one, its type. */
export interface SourceColumn {
  name: string;
  /**
   * The catalog type the source's own type maps to (`string`, `integer`, `decimal`, `date`, `datetime`, `boolean`),
   * or undefined when the source has no types (text files): the profile infers them.
   */
  type?: string;
  /** The source's own type name (e.g. `character varying`, `int(11)`), when it has one. */
  sourceType?: string;
  nullable?: boolean;
}

/** A table's columns and key, for discovery and for the stable order rows stream in. */
export interface SourceTableDescription {
  table: string;
  columns: SourceColumn[];
  /** The table's primary key columns where the source declares one (databases); empty otherwise. */
  primaryKey: string[];
}

/**
 * One input of a source's fingerprint: a table, the file or object it is read from, and a content hash. For file
 * sources the hash is the file's sha256 (so the same extract hashes the same wherever it lies); for databases it is
 * the sha256 of the table's rows as read, in their stable order, inside the read's snapshot.
 */
export interface SourceInputHash {
  table: string;
  file: string;
  sha256: string;
  bytes: number;
}

export interface SourceReadOptions {
  /** Resume: only records whose position is greater than this. */
  after?: number;
}

/**
 * What every source of legacy rows provides: CSV folders, JSON/NDJSON, Excel workbooks, fixed-width and delimited
 * dumps, PostgreSQL and MySQL/MariaDB databases. Profile, migrate, reconcile, the job id and table-diff read sources
 * through this interface only; `sourceConnectorTypes` (the registry) opens one from its settings.
 *
 * Every connector streams in constant memory: `rows` holds at most a batch at a time, however large the table.
 * Tables are listed in a stable (sorted) order, and the rows of a table come in a stable order (file order, sheet
 * order, or the primary key of a database table) so that a rerun of a job sees the same rows in the same chunks.
 */
export interface SourceConnector {
  /** The registry kind (`csv`, `json`, `xlsx`, `dump`, `postgres`, `mysql`). */
  readonly kind: string;
  /** Where the source is, safe to show and record (a database URL never carries its password here). */
  readonly location: string;
  /** Table names, sorted. */
  tables(): string[];
  /** The column names, in the order of each record's fields. */
  header(table: string): Promise<string[]>;
  /** Columns with their types where the source has them, and the primary key. */
  describe(table: string): Promise<SourceTableDescription>;
  /** The table's records in its stable order. */
  rows(table: string, options?: SourceReadOptions): AsyncGenerator<SourceRecord>;
  /** Optional faster path: the same records in batches. */
  rowBatches?(table: string): AsyncGenerator<SourceRecord[]>;
  /** One hash per table, in table order: what the source was, exactly (the job id's source fingerprint). */
  inputHashes(): Promise<SourceInputHash[]>;
  /** Releases what the connector holds (a database connection and its snapshot). Safe to call twice. */
  close(): Promise<void>;
}

/** A reader's records from a position on: `rows` of connectors that cannot seek use this. */
export async function* recordsAfter<T extends { line: number }>(
  records: AsyncIterable<T>,
  after: number | undefined,
): AsyncGenerator<T> {
  for await (const r of records) if (after === undefined || r.line > after) yield r;
}

/** Every table's description, in table order. */
export async function describeSource(source: SourceConnector): Promise<SourceTableDescription[]> {
  const out: SourceTableDescription[] = [];
  for (const table of source.tables()) out.push(await source.describe(table));
  return out;
}
