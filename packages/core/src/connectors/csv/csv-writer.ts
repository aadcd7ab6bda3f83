import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CsvRecord } from './csv-record.js';

const needsQuoting = /[",\r\n]/;

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): starting with `=`, `+`, `-`, `@`, a tab or a
 * CR, also behind quotes already written as a guard (so that guarding stays reversible). Plain numbers (`-3.5`,
 * `+44`) are values, not formulas, and are left alone.
 */
const formulaStart = /^'*[=+\-@\t\r]/;
const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const guardedCell = /^'+[=+\-@\t\r]/;

/** Formats one CSV field exactly (RFC 4180): quoted only when it holds a comma, quote, CR or LF. */
export function formatCsvField(value: string): string {
  return needsQuoting.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A cell as a spreadsheet may safely open it: a value that would start a formula gets a leading `'` (OWASP's
 * advice); `unguardCsvCell` takes it off again when Ferry reads its own files back.
 *
 * @example
 * guardCsvCell("=2+5+cmd|' /C calc'!A0") // => "'=2+5+cmd|' /C calc'!A0"
 * guardCsvCell('-3.5') // => '-3.5'
 */
export function guardCsvCell(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/** The inverse of `guardCsvCell`, for files Ferry wrote (contract, catalog, crosswalk and gold CSVs). */
export function unguardCsvCell(cell: string): string {
  return guardedCell.test(cell) ? cell.slice(1) : cell;
}

/** A record of a Ferry-written CSV file with every cell unguarded (see `unguardCsvCell`). */
export function unguardCsvRecord(record: CsvRecord): CsvRecord {
  return record.fields.some((f) => f.startsWith("'"))
    ? { ...record, fields: record.fields.map(unguardCsvCell) }
    : record;
}

/**
 * Formats one CSV record with a trailing LF: the CSV form Ferry writes for every file a person may open
 * (contracts, catalogs, crosswalks, profiles, rejects, issues, evidence, exports): UTF-8, LF, header row first,
 * blank for null, formula cells guarded (`guardCsvCell`).
 *
 * @example
 * formatCsvRow(['1', 'O"Brien', 'a,b', '=1+1']) // => '1,"O""Brien","a,b",\'=1+1\n'
 */
export function formatCsvRow(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ',';
    out += formatCsvField(guardCsvCell(fields[i] ?? ''));
  }
  return `${out}\n`;
}

/**
 * One CSV record exactly as the values are, with a trailing LF: only for files read by machines that must get the
 * values unchanged (a target's LOAD files for a vendor loader, generated source extracts, COPY streams).
 */
export function formatExactCsvRow(fields: readonly string[]): string {
  return `${formatCsvFields(fields)}\n`;
}

/** The fields of one CSV record, exact (no formula guard), comma-separated, without the line end. */
export function formatCsvFields(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ',';
    out += formatCsvField(fields[i] ?? '');
  }
  return out;
}

/** How a `CsvFileWriter` writes cells: `guarded` (default, `formatCsvRow`) or `exact` (`formatExactCsvRow`). */
export type CsvCellMode = 'guarded' | 'exact';

/**
 * Streams CSV rows to a file with back-pressure and buffering.
 *
 * @example
 * const w = await CsvFileWriter.open('out/PATIENT.csv', ['PAT_ID', 'SURNAME']);
 * await w.write(['1', 'SMITH']);
 * await w.close();
 */
export class CsvFileWriter {
  private buffer = '';
  private rowsWritten = 0;

  /** The stream's first error (a full disk, a lost permission), kept so that no write is lost silently. */
  private failure: Error | undefined;

  private constructor(
    private readonly stream: WriteStream,
    readonly path: string,
    private readonly format: (fields: readonly string[]) => string,
  ) {
    stream.on('error', (e) => {
      this.failure ??= e;
    });
  }

  /**
   * A write's error names this file: Node's error of a descriptor's write (ENOSPC, EDQUOT, EIO) has no path, and
   * "no space left on the device" without the file helps nobody.
   */
  private named(e: unknown): unknown {
    if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string') {
      const x = e as NodeJS.ErrnoException;
      if (typeof x.path !== 'string') x.path = this.path;
      x.syscall ??= 'write';
    }
    return e;
  }

  private async settled(wait: Promise<unknown>): Promise<void> {
    try {
      await wait;
    } catch (e) {
      throw this.named(e);
    }
    if (this.failure) throw this.named(this.failure);
  }

  /** Opens `path` and writes the header; `mode` `exact` only for files that machines load (see `CsvCellMode`). */
  static async open(path: string, header: readonly string[], mode: CsvCellMode = 'guarded'): Promise<CsvFileWriter> {
    await mkdir(dirname(path), { recursive: true });
    const format = mode === 'exact' ? formatExactCsvRow : formatCsvRow;
    const writer = new CsvFileWriter(createWriteStream(path, { encoding: 'utf8' }), path, format);
    writer.buffer = format(header);
    return writer;
  }

  get rows(): number {
    return this.rowsWritten;
  }

  async write(fields: readonly string[]): Promise<void> {
    this.buffer += this.format(fields);
    this.rowsWritten++;
    if (this.buffer.length >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer) return;
    if (this.failure) throw this.named(this.failure);
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await this.settled(once(this.stream, 'drain'));
  }

  /** Flushes and closes the file; closing again is a no-op. */
  async close(): Promise<void> {
    if (this.failure) throw this.named(this.failure);
    if (this.stream.writableFinished) return;
    await this.flush();
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.writableFinished) await this.settled(once(this.stream, 'finish'));
    if (this.failure) throw this.named(this.failure);
  }
}
