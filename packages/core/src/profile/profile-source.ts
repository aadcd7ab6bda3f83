import { FerryError } from '../errors.js';
import type { IdentifierKind } from '../privacy/identifier-kind.js';
import type { ProfileReport, TableProfile } from './profile-model.js';

/** How a source file was read, as a CSV connector describes it. */
export interface ProfiledSourceFile {
  file: string;
  encoding: string;
  encodingSource: string;
  delimiter: string;
  delimiterSource: string;
  lineEnding: string;
}

import { TableProfiler } from './table-profiler.js';

/** A record as connectors yield it. */
export interface ProfiledRecord {
  fields: readonly string[];
  /** Set on the lines of a record an unbalanced quote made of several lines: counted, not profiled. */
  malformed?: object;
}

/**
 * What `profileSource` needs from a source: `CsvSourceConnector` fits, and so does any connector that
 * lists tables, gives a header and streams data records (header excluded).
 */
export interface ProfileSourceConnector {
  tables(): readonly string[] | Promise<readonly string[]>;
  header(table: string): Promise<readonly string[]> | readonly string[];
  rows(table: string): AsyncIterable<ProfiledRecord>;
  /** Optional faster path: records in batches. */
  rowBatches?(table: string): AsyncIterable<readonly ProfiledRecord[]>;
  /** Optional: how a table's file was read, recorded in the profile. */
  describeFile?(table: string): Promise<ProfiledSourceFile>;
}

/** Progress of a profile run, reported now and then and at the end of each table. */
export interface ProfileProgress {
  table: string;
  rows: number;
  tableIndex: number;
  tableCount: number;
  done: boolean;
}

export interface ProfileSourceOptions {
  /** Tables to profile (default: all, in the connector's order). Unknown names are FERRY_ERR_NOT_FOUND. */
  tables?: readonly string[];
  /** Most frequent values to show per column (default 10). */
  topN?: number;
  /** Values seen fewer times than this are never shown (default 5). */
  smallCellThreshold?: number;
  /** Distinct values counted exactly per column before switching to estimates (default 100,000). */
  exactDistinctCap?: number;
  /** Values the heavy-hitters sketch tracks per column after the switch (default 1,000). */
  sketchCapacity?: number;
  /** An ISO time to stamp in `generatedAt`; left out when not given, so reports stay byte-identical. */
  generatedAt?: string;
  /**
   * Columns that identify people or records (keys, hospital numbers): their values are never shown, at any
   * count. NHS number columns are withheld without being named. See `catalogIdentifierColumns`.
   */
  identifierColumns?: (table: string, column: string) => boolean | IdentifierKind;
  onProgress?: (progress: ProfileProgress) => void;
  /** Rows between progress reports (default 50,000). */
  progressEvery?: number;
}

/**
 * Profiles every table of a source, one streaming pass per table in constant memory.
 *
 * @example
 * const source = await CsvSourceConnector.open('run/source');
 * const report = await profileSource(source, { topN: 10, smallCellThreshold: 5 });
 * await writeProfileJson(report, 'run/profile/profile.json');
 */
export async function profileSource(
  connector: ProfileSourceConnector,
  options: ProfileSourceOptions = {},
): Promise<ProfileReport> {
  const settings = {
    topN: options.topN ?? 10,
    smallCellThreshold: options.smallCellThreshold ?? 5,
    exactDistinctCap: options.exactDistinctCap ?? 100_000,
  };
  const columnOptions = { ...settings, sketchCapacity: Math.max(options.sketchCapacity ?? 1000, settings.topN) };
  const tables = await chooseTables(connector, options.tables);
  const profiles: TableProfile[] = [];
  for (const [tableIndex, table] of tables.entries()) {
    const isIdentifier = (column: string) => options.identifierColumns?.(table, column) ?? false;
    const profiler = new TableProfiler(table, await connector.header(table), columnOptions, isIdentifier);
    const report = (done: boolean) =>
      options.onProgress?.({ table, rows: profiler.rowCount, tableIndex, tableCount: tables.length, done });
    const every = options.progressEvery ?? 50_000;
    let nextReport = every;
    for await (const batch of recordBatches(connector, table)) {
      for (const record of batch) {
        if (record.malformed) profiler.addMalformed();
        else profiler.addRow(record.fields);
      }
      if (profiler.rowCount >= nextReport) {
        report(false);
        nextReport = profiler.rowCount + every;
      }
    }
    const described = await connector.describeFile?.(table);
    const { name, ...profile } = profiler.finish();
    profiles.push(
      described
        ? {
            name,
            sourceFile: {
              file: described.file,
              encoding: described.encoding,
              encodingSource: described.encodingSource,
              delimiter: described.delimiter,
              delimiterSource: described.delimiterSource,
              lineEnding: described.lineEnding,
            },
            ...profile,
          }
        : { name, ...profile },
    );
    report(true);
  }
  return {
    version: 1,
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    settings,
    tables: profiles,
  };
}

async function chooseTables(
  connector: ProfileSourceConnector,
  wanted: readonly string[] | undefined,
): Promise<readonly string[]> {
  const available = await connector.tables();
  if (!wanted) return available;
  const known = new Set(available);
  const unknown = wanted.filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      `no table ${unknown.map((t) => `'${t}'`).join(', ')} in the source; tables: ${available.join(', ')}`,
      { table: unknown[0] },
    );
  }
  return [...new Set(wanted)];
}

async function* recordBatches(
  connector: ProfileSourceConnector,
  table: string,
): AsyncGenerator<readonly ProfiledRecord[]> {
  if (connector.rowBatches) {
    yield* connector.rowBatches(table);
    return;
  }
  let batch: ProfiledRecord[] = [];
  for await (const record of connector.rows(table)) {
    batch.push(record);
    if (batch.length >= 1024) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
