/**
 * Reading and writing the catalog CSV for the long-tail script (plain Node, no dependencies).
 *
 * The catalog CSV is RFC 4180: comma separated, fields quoted only when they hold a comma, quote, CR or LF,
 * quotes doubled inside quoted fields. Its header is
 * `table_name,column_name,data_type,max_length,nullable,primary_key,references,description,code_type,in_scope`.
 */

/** The columns a catalog CSV header must carry for the long tail to be appended to it. */
export const requiredHeader = [
  'table_name',
  'column_name',
  'data_type',
  'max_length',
  'nullable',
  'primary_key',
  'references',
  'description',
  'code_type',
  'in_scope',
];

/** The data types a catalog column may declare. */
export const dataTypes = ['string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'code'];

/**
 * Splits CSV text into records, keeping each record's raw text and first line number.
 *
 * @param {string} text CSV text (LF or CRLF)
 * @param {string} file name used in error messages
 * @returns {{ fields: string[], line: number }[]}
 * @example
 * parseCsvRecords('a,"b,c"\n1,2\n', 'x.csv') // => [{ fields: ['a', 'b,c'], line: 1 }, { fields: ['1', '2'], line: 2 }]
 */
export function parseCsvRecords(text, file) {
  const records = [];
  let fields = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (inQuotes) throw new Error(`${file}:${recordLine}: a quoted field is not closed before the end of the file`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * Formats one CSV field: quoted only when it holds a comma, quote, CR or LF.
 *
 * @param {string} value
 * @returns {string}
 */
export function formatCsvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Formats one CSV record, without a line ending.
 *
 * @param {readonly string[]} fields
 * @returns {string}
 */
export function formatCsvRecord(fields) {
  return fields.map(formatCsvField).join(',');
}
