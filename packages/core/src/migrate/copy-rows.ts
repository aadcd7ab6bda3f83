import { formatCsvField } from '../connectors/csv/csv-writer.js';

/**
 * Rows of one chunk formatted for `COPY ... FROM STDIN WITH (FORMAT csv)` as UTF-8 bytes, lineage columns included:
 * the form a database target writes. `ends[i]` is the byte offset just after row i's line end.
 */
export interface CopyRows {
  data: Uint8Array;
  ends: number[];
}

const needsQuoting = /[",\r\n]/;

/**
 * Formats loaded rows straight into a growing byte buffer, one COPY CSV line each (the target columns, then the job,
 * source table and source key): nothing per row outlives the row but its bytes, so a chunk of rows costs the garbage
 * collector nothing. A blank value is written unquoted, which COPY reads as NULL.
 *
 * @example
 * const w = new CopyRowWriter('job-1', 'PATIENT');
 * w.add(['1', 'Smith'], '1');
 * w.finish(); // => { data: <1,Smith,job-1,PATIENT,1\n>, ends: [25] }
 */
export class CopyRowWriter {
  private buf: Buffer;
  private length = 0;
  private ends: number[] = [];
  private readonly lineageStart: string;

  constructor(jobId: string, sourceTable: string, initialBytes = 1 << 16) {
    this.lineageStart = `${formatCsvField(jobId)},${formatCsvField(sourceTable)},`;
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
  }

  get rows(): number {
    return this.ends.length;
  }

  add(values: readonly string[], sourceKey: string): void {
    let line = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      line += needsQuoting.test(v) ? `"${v.replaceAll('"', '""')}",` : `${v},`;
    }
    line += this.lineageStart;
    line += needsQuoting.test(sourceKey) ? `"${sourceKey.replaceAll('"', '""')}"\n` : `${sourceKey}\n`;
    // A UTF-16 code unit is at most three bytes of UTF-8.
    if (this.length + line.length * 3 > this.buf.length) this.grow(line.length * 3);
    this.length += this.buf.write(line, this.length);
    this.ends.push(this.length);
  }

  private grow(needed: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + needed));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** The rows written; the writer starts empty again. */
  finish(): CopyRows {
    const out = { data: this.buf.subarray(0, this.length), ends: this.ends };
    this.buf = Buffer.allocUnsafeSlow(Math.max(1 << 16, this.length + (this.length >> 3)));
    this.length = 0;
    this.ends = [];
    return out;
  }
}

/** The given rows of a CopyRows (by index, ascending), as one byte array. */
export function selectCopyRows(rows: CopyRows, keep: readonly number[]): Uint8Array {
  if (keep.length === rows.ends.length) return rows.data;
  let size = 0;
  for (const i of keep) size += rows.ends[i]! - (i === 0 ? 0 : rows.ends[i - 1]!);
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const i of keep) {
    const start = i === 0 ? 0 : rows.ends[i - 1]!;
    out.set(rows.data.subarray(start, rows.ends[i]!), at);
    at += rows.ends[i]! - start;
  }
  return out;
}
