import {
  type CsvEncoding,
  CsvSourceConnector,
  csvTableName,
  FerryError,
  isFerryError,
  malformedRecordMessage,
  RaggedRowTracker,
} from '@ferry/core';

/** A plain CSV file name whose table name is a safe identifier. */
const tableFileName = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}\.csv$/i;

/**
 * The table an uploaded extract holds, from its file name: `PATIENT.csv` holds PATIENT. Anything that could name a
 * path (`/`, `\`, `..`) or is not a `.csv` file is refused, never cleaned up.
 */
export function uploadTableName(fileName: string): string {
  if (!tableFileName.test(fileName)) {
    throw new FerryError(
      'FERRY_ERR_INPUT',
      'The file name must be TABLE.csv: letters, digits, "_" and "-" only (no folders, no ".."), ending in .csv',
      { field: 'file' },
    );
  }
  return csvTableName(fileName);
}

/** What reading a whole uploaded extract found. */
export interface CheckedCsvUpload {
  encoding: string;
  columns: string[];
  records: number;
}

/**
 * Reads a whole uploaded CSV file before it is accepted: a header with named, distinct columns; a readable encoding
 * (the declared one, or detected: UTF-8 when valid, else Windows-1252; UTF-16 and binary files are refused); no
 * unclosed quotes; and no ragged records (the first five are named by line). Errors name the uploaded file, never
 * where the server keeps it, and never a value.
 */
export async function checkCsvUpload(
  path: string,
  fileName: string,
  encoding: 'auto' | CsvEncoding,
): Promise<CheckedCsvUpload> {
  const renamed = (e: unknown): never => {
    if (isFerryError(e)) {
      const { file: _file, ...context } = e.context;
      throw new FerryError(e.code, e.message, { ...context, file: fileName }, { cause: e });
    }
    throw e;
  };
  try {
    const source = await CsvSourceConnector.open(path, { encoding });
    const table = source.tables()[0]!;
    const columns = await source.header(table);
    const seen = new Set<string>();
    columns.forEach((c, i) => {
      const name = c.trim();
      if (!name) throw new FerryError('FERRY_ERR_INPUT', `header field ${i + 1} is blank`, { file: fileName, line: 1 });
      if (seen.has(name))
        throw new FerryError('FERRY_ERR_INPUT', `header name ${name} repeats`, { file: fileName, line: 1 });
      seen.add(name);
    });
    const ragged = new RaggedRowTracker(fileName, columns.length, 5);
    let records = 0;
    for await (const batch of source.rowBatches(table)) {
      for (const record of batch) {
        // An unbalanced quote that swallowed lines (or runs to the end of the file) refuses the upload.
        if (record.malformed) {
          throw new FerryError('FERRY_ERR_CSV_UNTERMINATED_QUOTE', malformedRecordMessage(record.malformed), {
            file: fileName,
            line: record.line,
          });
        }
        ragged.check(record);
      }
      records += batch.length;
    }
    if (ragged.count > 0) {
      const lines = ragged.rows.map((r) => `line ${r.line} has ${r.fields}`).join(', ');
      throw new FerryError(
        'FERRY_ERR_CSV_RAGGED_ROW',
        `${ragged.count} record${ragged.count === 1 ? ' has' : 's have'} a field count other than the header's ${columns.length} (${lines}${ragged.count > ragged.rows.length ? ', ...' : ''})`,
        { file: fileName },
      );
    }
    return { encoding: await source.encoding(table), columns, records };
  } catch (e) {
    return renamed(e);
  }
}
