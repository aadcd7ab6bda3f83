import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

const needsQuoting = /[",\r\n]/;

/** Formats one CSV field (RFC 4180): quoted only when it holds a comma, quote, CR or LF. */
export function formatCsvField(value: string): string {
  return needsQuoting.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Formats one CSV record with a trailing LF. This is the one CSV form Ferry writes
 * (UTF-8, LF, header row first, blank for null), for targets, evidence and generated data.
 *
 * @example
 * formatCsvRow(['1', 'O"Brien', 'a,b']) // => '1,"O""Brien","a,b"\n'
 */
export function formatCsvRow(fields: readonly string[]): string {
  return `${formatCsvFields(fields)}\n`;
}

/** The fields of one CSV record, comma-separated, without the line end. */
export function formatCsvFields(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ',';
    out += formatCsvField(fields[i] ?? '');
  }
  return out;
}

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

  private constructor(
    private readonly stream: WriteStream,
    readonly path: string,
  ) {}

  static async open(path: string, header: readonly string[]): Promise<CsvFileWriter> {
    await mkdir(dirname(path), { recursive: true });
    const writer = new CsvFileWriter(createWriteStream(path, { encoding: 'utf8' }), path);
    writer.buffer = formatCsvRow(header);
    return writer;
  }

  get rows(): number {
    return this.rowsWritten;
  }

  async write(fields: readonly string[]): Promise<void> {
    this.buffer += formatCsvRow(fields);
    this.rowsWritten++;
    if (this.buffer.length >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes and closes the file; closing again is a no-op. */
  async close(): Promise<void> {
    if (this.stream.writableFinished) return;
    await this.flush();
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.writableFinished) await once(this.stream, 'finish');
  }
}
