import type { SourceRecord } from '../connectors/source-connector.js';
import { FerryError } from '../errors.js';

/** A JSON record as an API client sends it: source column -> value (text, number, boolean or null). */
export type JsonSourceRecord = Readonly<Record<string, string | number | boolean | null>>;

/**
 * JSON records as source records in the preset table's column order, numbered from `firstLine` (a batch's records
 * continue the job's numbering). A key the export does not have is refused (FERRY_ERR_INPUT naming the column, the
 * record's position and nothing of its values): a value is never silently dropped. Absent and null are blank.
 *
 * @example
 * jsonSourceRecords([{ patient_id: '1', dob: '01/02/1980' }], ['patient_id', 'dob'], 1)
 */
export function jsonSourceRecords(
  records: readonly JsonSourceRecord[],
  columns: readonly string[],
  firstLine: number,
): SourceRecord[] {
  const known = new Set(columns);
  return records.map((record, i) => {
    for (const k of Object.keys(record)) {
      if (!known.has(k)) {
        throw new FerryError(
          'FERRY_ERR_INPUT',
          `Record ${i + 1} of the batch has column '${k}', which the export does not have`,
          { field: k, line: firstLine + i },
        );
      }
    }
    const fields = columns.map((c) => {
      const v = record[c];
      return v === null || v === undefined ? '' : String(v);
    });
    return { line: firstLine + i, fields };
  });
}
