import { stat } from 'node:fs/promises';
import {
  type CsvDelimiter,
  type CsvEncoding,
  CsvSourceConnector,
  csvEncodings,
  FerryError,
  isMalformedCsvRecord,
  malformedRecordMessage,
  RaggedRowTracker,
} from '@ferry/core';
import { type Command, Option } from 'commander';
import { delimiterOption } from '../csv-delimiter-option.js';
import { action, intOption } from '../run-command.js';

interface PreviewFlags {
  source: string;
  limit: number;
  json?: boolean;
  encoding: 'auto' | CsvEncoding;
  delimiter: 'auto' | CsvDelimiter;
}

/** Widest a cell is shown in the table form; longer values end with `…`. */
const maxCellWidth = 30;

/**
 * Parses `csv:PATH` (the only scheme preview reads). Anything else is a usage error naming the schemes.
 *
 * @example
 * csvFileOfSource('csv:extract/PATIENT.csv') // => 'extract/PATIENT.csv'
 */
export function csvFileOfSource(spec: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(spec);
  if (!m) throw new FerryError('FERRY_ERR_USAGE', `--source must be csv:FILE, got '${spec}'`);
  if (m[1]!.toLowerCase() !== 'csv') {
    throw new FerryError('FERRY_ERR_USAGE', `unknown source scheme '${m[1]}:' (preview reads csv:FILE)`);
  }
  if (!m[2]) throw new FerryError('FERRY_ERR_USAGE', '--source csv: needs a file name');
  return m[2];
}

/**
 * Object keys for a header: names as written, a repeated name gets `_2`, `_3`...; fields beyond the header
 * (ragged rows) are `_extra_1`, `_extra_2`...
 */
export function previewKeys(header: string[], width: number): string[] {
  const keys: string[] = [];
  const used = new Set<string>();
  /** Per name, the suffix to try next: each name's suffixes are tried once in all, so the work is linear. */
  const nextSuffix = new Map<string, number>();
  for (const name of header) {
    let key = name;
    if (used.has(key)) {
      let n = nextSuffix.get(name) ?? 2;
      while (used.has(`${name}_${n}`)) n++;
      key = `${name}_${n}`;
      nextSuffix.set(name, n + 1);
    }
    used.add(key);
    keys.push(key);
  }
  for (let i = header.length; i < width; i++) keys.push(`_extra_${i - header.length + 1}`);
  return keys;
}

/** One cell for the table form: line breaks as `↵`, tabs as spaces, cut at `maxCellWidth`. */
function displayCell(value: string): string {
  const flat = value.replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, ' ');
  return flat.length > maxCellWidth ? `${flat.slice(0, maxCellWidth - 1)}…` : flat;
}

/** Formats rows as an aligned text table with a rule under the header. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h) => h.length);
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i] ?? 0, r[i]!.length);
  }
  const line = (cells: string[]) =>
    widths
      .map((w, i) => (cells[i] ?? '').padEnd(w))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description('Show the first rows of a CSV file: an aligned table, or JSON objects keyed by header')
    .requiredOption('--source <csv:FILE>', 'the CSV file to show')
    .option('--limit <n>', 'number of data rows to show', intOption('--limit'), 10)
    .option('--json', 'print one JSON array of objects keyed by header, values as strings exactly as in the file')
    .addOption(
      new Option(
        '--encoding <encoding>',
        'file encoding (auto: decided from the whole file: UTF-8, else Windows-1252; a mix is refused)',
      )
        .choices(['auto', ...csvEncodings])
        .default('auto'),
    )
    .addOption(delimiterOption())
    .addHelpText(
      'after',
      '\nRagged rows (field count different from the header) are shown and listed on stderr with their line numbers.\n' +
        'In JSON, a repeated header name becomes NAME_2, fields beyond the header _extra_1, ...; missing fields are left out.',
    )
    .action(
      action(async (flags: PreviewFlags) => {
        const file = csvFileOfSource(flags.source);
        const info = await stat(file).catch((e: unknown) => {
          throw new FerryError('FERRY_ERR_NOT_FOUND', 'file not found', { file }, { cause: e });
        });
        if (info.isDirectory()) {
          throw new FerryError('FERRY_ERR_USAGE', 'preview takes one CSV file, not a folder', { file });
        }
        const source = await CsvSourceConnector.open(file, { encoding: flags.encoding, delimiter: flags.delimiter });
        const [table] = source.tables() as [string];
        const header = await source.header(table);
        const ragged = new RaggedRowTracker(file, header.length);
        const records: Array<{ line: number; fields: string[] }> = [];
        /** One warning per malformed record (an unbalanced quote), at its first line. */
        const malformed: string[] = [];
        if (flags.limit > 0) {
          for await (const record of source.rows(table)) {
            if (record.malformed) {
              if (!record.malformed.continuation) {
                malformed.push(`${file}:${record.line}: ${malformedRecordMessage(record.malformed)}`);
              }
            } else ragged.check(record);
            records.push(record);
            if (records.length >= flags.limit) break;
          }
        }
        for (const message of [...malformed, ...ragged.messages()]) {
          process.stderr.write(`ferry: warning: ${message}\n`);
        }

        const width = Math.max(header.length, ...records.map((r) => r.fields.length));
        const keys = previewKeys(header, width);
        if (flags.json) {
          const objects = records.map((r) => Object.fromEntries(r.fields.map((v, i) => [keys[i]!, v])));
          process.stdout.write(`${JSON.stringify(objects, null, 2)}\n`);
          return 0;
        }
        // A line of a malformed record is shown as the file has it, marked: the load rejects it (see the warning).
        const rows = records.map((r) => [
          isMalformedCsvRecord(r) ? `${r.line} not loaded` : String(r.line),
          ...r.fields.map(displayCell),
        ]);
        const unloaded = records.filter(isMalformedCsvRecord).length;
        process.stdout.write(formatTable(['line', ...keys.map(displayCell)], rows));
        const format = await source.describeFile(table);
        const shown = `${records.length} row${records.length === 1 ? '' : 's'} shown`;
        const how = `encoding ${format.encoding}${format.delimiter === 'comma' ? '' : `; delimiter ${format.delimiter}`}${format.lineEnding === 'cr' ? '; lines end with CR' : ''}`;
        process.stdout.write(
          `(${shown}; ${how}${ragged.count ? `; ${ragged.count} ragged` : ''}${unloaded ? `; ${unloaded} not loaded (unbalanced quote)` : ''})\n`,
        );
        return 0;
      }),
    );
}
