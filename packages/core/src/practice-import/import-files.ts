import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import type { SourceConnector } from '../connectors/source-connector.js';
import { XlsxSourceConnector } from '../connectors/xlsx/xlsx-source-connector.js';
import { FerryError } from '../errors.js';

/** One table of an uploaded file: a CSV file, or one sheet of a workbook. */
export interface ImportFileTable {
  /** The name recorded as each record's source file: `patients.csv`, or `export.xlsx#Patients` for a sheet. */
  sourceFile: string;
  /** The name that tells its record type: the CSV file's name, or the sheet's name. */
  name: string;
  connector: SourceConnector;
  table: string;
}

const importable = /\.(csv|xlsx)$/i;

/**
 * The tables of a file or of a folder's `.csv` and `.xlsx` files (not its sub-folders), in name order. CSV files are
 * read with their encoding and delimiter detected from the whole file; every sheet of a workbook is a table.
 * FERRY_ERR_NOT_FOUND when there is nothing to import; FERRY_ERR_INPUT for another kind of file.
 *
 * @example
 * const { tables, close } = await openImportFiles('export/');
 */
export async function openImportFiles(path: string): Promise<{ tables: ImportFileTable[]; close(): Promise<void> }> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'no such file or folder', { file: path }, { cause: e });
  }
  let files: string[];
  if (info.isDirectory()) {
    const entries = await readdir(path, { withFileTypes: true });
    files = entries
      .filter((e) => e.isFile() && importable.test(e.name))
      .map((e) => join(path, e.name))
      .sort();
    if (!files.length)
      throw new FerryError('FERRY_ERR_NOT_FOUND', 'the folder holds no .csv or .xlsx files', { file: path });
  } else {
    if (!importable.test(path)) {
      throw new FerryError('FERRY_ERR_INPUT', 'only .csv and .xlsx files can be imported', { file: basename(path) });
    }
    files = [path];
  }
  const connectors: SourceConnector[] = [];
  const tables: ImportFileTable[] = [];
  try {
    for (const file of files) {
      const name = basename(file);
      if (/\.xlsx$/i.test(file)) {
        const book = await XlsxSourceConnector.open(file);
        connectors.push(book);
        for (const sheet of book.tables()) {
          tables.push({ sourceFile: `${name}#${sheet}`, name: sheet, connector: book, table: sheet });
        }
      } else {
        const csv = await CsvSourceConnector.open(file, { encoding: 'auto' });
        connectors.push(csv);
        tables.push({ sourceFile: name, name, connector: csv, table: csv.tables()[0]! });
      }
    }
  } catch (e) {
    await Promise.all(connectors.map((c) => c.close()));
    throw e;
  }
  return { tables, close: async () => void (await Promise.all(connectors.map((c) => c.close()))) };
}
