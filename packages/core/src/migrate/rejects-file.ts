import { CsvFileWriter } from '../connectors/csv/csv-writer.js';
import type { RowProblem } from '../transform/reject-reasons.js';

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

  async add(sourceTable: string, sourceKey: string, targetTable: string, line: number, problems: RowProblem[]): Promise<void> {
    for (const p of problems) {
      await this.writer.write([sourceTable, sourceKey, p.reasonCode, p.field, p.message, targetTable, String(line)]);
    }
  }

  get lines(): number {
    return this.writer.rows;
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
