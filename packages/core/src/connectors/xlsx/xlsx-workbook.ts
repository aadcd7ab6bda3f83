import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FerryError } from '../../errors.js';

/** The parts of an `.xlsx` package (a zip) that are read, found by its central directory. */
interface ZipEntry {
  path: string;
  stream(): Readable;
}

const require = createRequire(import.meta.url);
// unzipper is exceljs's own zip reader (no type declarations are published); only its central-directory reader is used.
const unzipper = require('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
// The streaming sheet reader exceljs uses for one worksheet part.
const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader.js') as new (init: {
  workbook: unknown;
  id: string;
  iterator: AsyncIterable<unknown>;
  options: object;
}) => AsyncIterable<ExcelJS.Row> & { name: string };

/** exceljs's streaming workbook reader, used for its part parsers (relationships, workbook, shared strings, styles). */
interface WorkbookParts {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
}

const readerOptions = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  // Styles tell which numbers are dates.
  styles: 'cache',
  entries: 'ignore',
} as const;

/** A worksheet part's path in the package, from its relationship target (relative to `xl/`, or absolute). */
function partPath(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function malformed(file: string, reason: string): FerryError {
  return new FerryError('FERRY_ERR_INPUT', `cannot read the workbook: ${reason}`, { file });
}

/**
 * An `.xlsx` workbook read part by part through the zip's central directory: the workbook's sheet list and the shared
 * strings first, then one worksheet streamed on request. exceljs's own streaming reader walks the zip's local headers
 * in file order instead; its entry iteration drops entries when the consumer is slow (a busy machine), and it cannot
 * name the sheets of a file whose worksheets precede `xl/workbook.xml`, so it is not used to find the parts.
 */
export class XlsxWorkbook {
  private prepared: Promise<WorkbookParts> | undefined;

  private constructor(
    readonly file: string,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly parts: WorkbookParts,
    /** Sheet name to its worksheet part's path, in workbook order. */
    readonly sheets: ReadonlyMap<string, string>,
  ) {}

  /** Reads the zip's directory and the workbook's sheet list (`FERRY_ERR_INPUT` when the file is not a workbook). */
  static async open(file: string): Promise<XlsxWorkbook> {
    let files: ZipEntry[];
    try {
      ({ files } = await unzipper.Open.file(file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new FerryError('FERRY_ERR_NOT_FOUND', 'no such workbook', { file }, { cause: e });
      }
      throw new FerryError(
        'FERRY_ERR_INPUT',
        `cannot read the workbook: ${(e as Error).message}`,
        { file },
        { cause: e },
      );
    }
    const entries = new Map(files.map((f) => [f.path, f]));
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    const book = entries.get('xl/workbook.xml');
    if (!rels || !book) throw malformed(file, 'it has no xl/workbook.xml or its relationships (not an .xlsx file?)');
    const parts = new ExcelJS.stream.xlsx.WorkbookReader(file, readerOptions) as unknown as WorkbookParts;
    await parts._parseRels(rels.stream());
    await parts._parseWorkbook(book.stream());
    const targets = new Map((parts.workbookRels ?? []).map((r) => [r.Id, r.Target]));
    const sheets = new Map<string, string>();
    for (const sheet of parts.model?.sheets ?? []) {
      const target = targets.get(sheet.rId);
      if (target === undefined) throw malformed(file, `sheet '${sheet.name}' has no worksheet part`);
      const path = partPath(target);
      if (!entries.has(path)) throw malformed(file, `sheet '${sheet.name}' names a missing part ${path}`);
      sheets.set(sheet.name, path);
    }
    return new XlsxWorkbook(file, entries, parts, sheets);
  }

  /** The shared strings and the styles, read once, before the first sheet. */
  private prepare(): Promise<WorkbookParts> {
    this.prepared ??= (async () => {
      const strings = this.entries.get('xl/sharedStrings.xml');
      if (strings) for await (const _ of this.parts._parseSharedStrings(strings.stream()));
      const styles = this.entries.get('xl/styles.xml');
      if (styles) await this.parts._parseStyles(styles.stream());
      return this.parts;
    })();
    return this.prepared;
  }

  /** The rows of one sheet, streamed from its part (exceljs rows: 1-based `values`, `number` the sheet row). */
  async *rows(sheet: string): AsyncGenerator<ExcelJS.Row> {
    const path = this.sheets.get(sheet);
    const entry = path === undefined ? undefined : this.entries.get(path);
    if (!entry) throw new FerryError('FERRY_ERR_NOT_FOUND', `no sheet '${sheet}'`, { file: this.file, table: sheet });
    const workbook = await this.prepare();
    const reader = new WorksheetReader({ workbook, id: path ?? '', iterator: entry.stream(), options: readerOptions });
    reader.name = sheet;
    yield* reader;
  }
}
