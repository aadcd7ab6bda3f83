import { FerryError } from '../../errors.js';
import { fileInputHashes } from '../file-hash.js';
import type {
  SourceConnector,
  SourceInputHash,
  SourceReadOptions,
  SourceRecord,
  SourceTableDescription,
} from '../source-connector.js';
import { xlsxCellText } from './xlsx-cell-text.js';
import { XlsxWorkbook } from './xlsx-workbook.js';

function unreadable(file: string, e: unknown): FerryError {
  if (e instanceof FerryError) return e;
  return new FerryError('FERRY_ERR_INPUT', `cannot read the workbook: ${(e as Error).message}`, { file }, { cause: e });
}

/** A sheet row's cells as text, from column 1 (exceljs rows are 1-based arrays with holes for empty cells). */
function rowTexts(values: unknown): string[] {
  const cells = Array.isArray(values) ? values : [];
  const out: string[] = [];
  for (let c = 1; c < cells.length; c++) out.push(xlsxCellText(cells[c]));
  return out;
}

/**
 * A source of Excel tables: every sheet of an `.xlsx` workbook is a table named after the sheet, its first row the
 * header. Rows stream from the file (the workbook is never loaded whole; the shared strings table is kept, as every
 * reader must). Dates come as ISO dates (`yyyy-mm-dd`, with a time when there is one), numbers in their plain form,
 * formulas by their cached result. A record's position is its sheet row number (the header row being 1, data rows
 * from 2, as a CSV export's lines). Rows are as wide as the header (empty trailing cells are the empty string); a row
 * wider than the header is given as it is, so the load rejects it.
 *
 * @example
 * const source = await XlsxSourceConnector.open('extract.xlsx');
 */
export class XlsxSourceConnector implements SourceConnector {
  readonly kind = 'xlsx';
  private readonly headers = new Map<string, Promise<string[]>>();

  private constructor(
    readonly location: string,
    private readonly workbook: XlsxWorkbook,
    private readonly sheets: readonly string[],
  ) {}

  /** Opens a workbook, reading its sheet list (its zip directory and `xl/workbook.xml`; no rows are parsed). */
  static async open(file: string): Promise<XlsxSourceConnector> {
    const workbook = await XlsxWorkbook.open(file).catch((e: unknown) => {
      throw unreadable(file, e);
    });
    const names = [...workbook.sheets.keys()];
    if (names.length === 0) throw new FerryError('FERRY_ERR_NOT_FOUND', 'the workbook has no sheets', { file });
    return new XlsxSourceConnector(file, workbook, names.sort());
  }

  tables(): string[] {
    return [...this.sheets];
  }

  private assertSheet(table: string): void {
    if (!this.sheets.includes(table)) {
      throw new FerryError('FERRY_ERR_NOT_FOUND', `no sheet '${table}'; sheets: ${this.sheets.join(', ')}`, {
        file: this.location,
        table,
      });
    }
  }

  /** Every row of a sheet with its row number, header included. */
  private async *sheetRows(table: string): AsyncGenerator<{ line: number; fields: string[] }> {
    this.assertSheet(table);
    try {
      for await (const row of this.workbook.rows(table)) yield { line: row.number, fields: rowTexts(row.values) };
    } catch (e) {
      throw unreadable(this.location, e);
    }
  }

  async header(table: string): Promise<string[]> {
    let found = this.headers.get(table);
    if (!found) {
      found = (async () => {
        for await (const { fields } of this.sheetRows(table)) return fields;
        throw new FerryError('FERRY_ERR_INPUT', `sheet '${table}' is empty: it has no header row`, {
          file: this.location,
          table,
        });
      })();
      found.catch(() => this.headers.delete(table));
      this.headers.set(table, found);
    }
    return found;
  }

  async describe(table: string): Promise<SourceTableDescription> {
    return { table, columns: (await this.header(table)).map((name) => ({ name })), primaryKey: [] };
  }

  async *rows(table: string, options: SourceReadOptions = {}): AsyncGenerator<SourceRecord> {
    const width = (await this.header(table)).length;
    let first = true;
    for await (const { line, fields } of this.sheetRows(table)) {
      if (first) {
        first = false;
        continue;
      }
      if (options.after !== undefined && line <= options.after) continue;
      if (fields.every((f) => f === '')) continue;
      while (fields.length < width) fields.push('');
      yield { line, fields };
    }
  }

  inputHashes(): Promise<SourceInputHash[]> {
    return fileInputHashes(this.tables(), () => this.location);
  }

  async close(): Promise<void> {}
}
