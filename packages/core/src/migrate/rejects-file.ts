import { CsvFileWriter } from '../connectors/csv/csv-writer.js';
import type { RejectLine } from './load-target.js';

/** Header of rejects.csv: one line per problem (a rejected row may have several). No values, only keys and fields. */
export const rejectsCsvHeader = [
  'source_table',
  'source_key',
  'reason_code',
  'field',
  'message',
  'target_table',
  'source_line',
] as const;

/** Streams rejects to `rejects.csv`. */
export class RejectsFile {
  private constructor(private readonly writer: CsvFileWriter) {}

  static async open(path: string): Promise<RejectsFile> {
    return new RejectsFile(await CsvFileWriter.open(path, rejectsCsvHeader));
  }

  async write(r: RejectLine): Promise<void> {
    await this.writer.write([
      r.sourceTable,
      r.sourceKey,
      r.reasonCode,
      r.field,
      r.message,
      r.targetTable,
      String(r.line),
    ]);
  }

  get lines(): number {
    return this.writer.rows;
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
