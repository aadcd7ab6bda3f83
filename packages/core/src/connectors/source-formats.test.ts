import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { writeXlsxTables } from '../testing/source-formats.js';
import { DumpSourceConnector } from './dump/dump-source-connector.js';
import { flattenJsonRecord } from './json/flatten-json-record.js';
import { JsonSourceConnector } from './json/json-source-connector.js';
import type { SourceConnector, SourceRecord } from './source-connector.js';
import { parseSourceSpec, redactSourceSpec } from './source-connector-registry.js';
import { XlsxSourceConnector } from './xlsx/xlsx-source-connector.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-source-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rows(source: SourceConnector, table: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of source.rows(table)) out.push(r);
  return out;
}

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const failsWith = (code: string, line?: number) => (e: unknown) =>
  e instanceof FerryError && e.code === code && (line === undefined || e.context.line === line);

describe('JSON and NDJSON', () => {
  it('flattens nested objects with dotted names, arrays as JSON, null as empty', () => {
    expect([
      ...flattenJsonRecord({
        id: 1,
        name: { family: 'SMITH', given: { first: 'A' } },
        tags: ['x'],
        gone: null,
        ok: true,
      }),
    ]).toEqual([
      ['id', '1'],
      ['name.family', 'SMITH'],
      ['name.given.first', 'A'],
      ['tags', '["x"]'],
      ['gone', ''],
      ['ok', 'true'],
    ]);
  });

  it('reads one record per line with its line, the header every name in order of first appearance', async () => {
    const sub = join(dir, 'nd');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    await writeFile(join(sub, 'PATIENT.ndjson'), '{"id":1,"addr":{"pc":"LS1"}}\n\n{"id":2,"nhs":"943"}\r\n');
    const source = await JsonSourceConnector.open(sub);
    expect(await source.header('PATIENT')).toEqual(['id', 'addr.pc', 'nhs']);
    expect(await rows(source, 'PATIENT')).toEqual([
      { line: 1, fields: ['1', 'LS1', ''] },
      { line: 3, fields: ['2', '', '943'] },
    ]);
  });

  it('names the line of a record that is not JSON, and of invalid UTF-8', async () => {
    await writeFile(join(dir, 'BAD.ndjson'), '{"id":1}\n{"id":\n');
    const bad = await JsonSourceConnector.open(join(dir, 'BAD.ndjson'));
    await expect(rows(bad, 'BAD')).rejects.toSatisfy(failsWith('FERRY_ERR_INPUT', 2));
    await writeFile(
      join(dir, 'ENC.ndjson'),
      Buffer.concat([Buffer.from('{"a":"x"}\n{"a":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    );
    const enc = await JsonSourceConnector.open(join(dir, 'ENC.ndjson'));
    await expect(rows(enc, 'ENC')).rejects.toSatisfy(failsWith('FERRY_ERR_CSV_ENCODING', 2));
  });

  it('streams the elements of an array, positions 1-based', async () => {
    await writeFile(join(dir, 'ARR.json'), ' [ {"id": 1, "v": [1,2]}, {"id": 2.5} ] ');
    const source = await JsonSourceConnector.open(join(dir, 'ARR.json'));
    expect(await rows(source, 'ARR')).toEqual([
      { line: 1, fields: ['1', '[1,2]'] },
      { line: 2, fields: ['2.5', ''] },
    ]);
  });
});

describe('Excel workbooks', () => {
  it('reads every sheet as a table, dates as ISO dates, numbers plain, formulas by result, rows padded', async () => {
    const file = join(dir, 'book.xlsx');
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet('PATIENT');
    p.addRow(['ID', 'DOB', 'SEEN', 'SCORE', 'NOTE']);
    p.addRow([
      1,
      new Date(Date.UTC(1980, 0, 2)),
      new Date(Date.UTC(2026, 4, 6, 13, 5, 9)),
      { formula: '2*3', result: 6 },
      'x',
    ]);
    p.addRow([2, null, null, 0.5]);
    wb.addWorksheet('EMPTY').addRow(['A']);
    await wb.xlsx.writeFile(file);
    const source = await XlsxSourceConnector.open(file);
    expect(source.tables()).toEqual(['EMPTY', 'PATIENT']);
    expect(await source.header('PATIENT')).toEqual(['ID', 'DOB', 'SEEN', 'SCORE', 'NOTE']);
    expect(await rows(source, 'PATIENT')).toEqual([
      { line: 2, fields: ['1', '1980-01-02', '2026-05-06T13:05:09', '6', 'x'] },
      { line: 3, fields: ['2', '', '', '0.5', ''] },
    ]);
    expect(await rows(source, 'EMPTY')).toEqual([]);
  });

  it('reads a streamed-written workbook (sheets before shared strings) sheet by sheet, leaving no stray error', async () => {
    const file = join(dir, 'streamed.xlsx');
    const tables = ['A', 'B', 'C', 'D'].map((name) => ({
      name,
      columns: ['k', 'v'],
      rows: Array.from({ length: 500 }, (_, i) => [String(i), `${name}${i}`]),
    }));
    await writeXlsxTables(file, tables);
    const source = await XlsxSourceConnector.open(file);
    for (const t of ['D', 'A', 'C']) {
      expect(await source.header(t)).toEqual(['k', 'v']);
      const read = await rows(source, t);
      expect(read).toHaveLength(500);
      expect(read[499]).toEqual({ line: 501, fields: ['499', `${t}499`] });
    }
  });

  it('reads a package whose worksheets precede the workbook part, with absolute targets and inline strings', async () => {
    // Writers other than Excel order the zip's parts as they like; a reader that walks the file in order cannot name
    // these sheets. Parts are found by the zip's directory instead.
    const file = join(dir, 'other-writer.xlsx');
    const zip = new JSZip();
    const sheet = (rowsXml: string) => `<worksheet xmlns="${ns}"><sheetData>${rowsXml}</sheetData></worksheet>`;
    zip.file(
      'xl/worksheets/sheet9.xml',
      sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><t>Ms Ávila</t></is></c></row>',
      ),
    );
    zip.file(
      'xl/worksheets/sheet2.xml',
      sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>CODE</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>X1</t></is></c></row>',
      ),
    );
    zip.file('xl/sharedStrings.xml', `<sst xmlns="${ns}"><si><t>PAT_ID</t></si><si><t>NAME</t></si></sst>`);
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rA" Type="${rel}/worksheet" Target="/xl/worksheets/sheet9.xml"/><Relationship Id="rB" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    );
    zip.file(
      'xl/workbook.xml',
      `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Patients" sheetId="1" r:id="rA"/><sheet name="Codes" sheetId="2" r:id="rB"/></sheets></workbook>`,
    );
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const source = await XlsxSourceConnector.open(file);
    expect(source.tables()).toEqual(['Codes', 'Patients']);
    expect(await source.header('Patients')).toEqual(['PAT_ID', 'NAME']);
    expect(await rows(source, 'Patients')).toEqual([{ line: 2, fields: ['7', 'Ms Ávila'] }]);
    expect(await rows(source, 'Codes')).toEqual([{ line: 3, fields: ['X1'] }]);
  });

  it('refuses a zip that is not a workbook, and a workbook whose sheet part is missing', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    await writeFile(join(dir, 'plain.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(XlsxSourceConnector.open(join(dir, 'plain.xlsx'))).rejects.toThrow(/no xl\/workbook.xml/);
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rA" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    );
    zip.file(
      'xl/workbook.xml',
      `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="P" sheetId="1" r:id="rA"/></sheets></workbook>`,
    );
    await writeFile(join(dir, 'holed.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(XlsxSourceConnector.open(join(dir, 'holed.xlsx'))).rejects.toThrow(
      /sheet 'P' names a missing part xl\/worksheets\/sheet1.xml/,
    );
  });

  it('refuses a file that is not a workbook', async () => {
    await writeFile(join(dir, 'not.xlsx'), 'PAT_ID\n1\n');
    await expect(XlsxSourceConnector.open(join(dir, 'not.xlsx'))).rejects.toSatisfy(failsWith('FERRY_ERR_INPUT'));
  });
});

describe('fixed-width and delimited dumps', () => {
  it('reads fixed positions (padding trimmed) and a ^-delimited Windows-1252 file without a header', async () => {
    const d = join(dir, 'dump');
    await import('node:fs/promises').then((fs) => fs.mkdir(d));
    await writeFile(join(d, 'PAT.dat'), "HEAD\n0001SMITH     19800102\n0002O'NEIL    19751231\n");
    await writeFile(
      join(d, 'EPI.txt'),
      Buffer.concat([Buffer.from('9^caf'), Buffer.from([0xe9]), Buffer.from('^\n10^x^y\n')]),
    );
    await writeFile(
      join(d, 'layout.json'),
      JSON.stringify({
        encoding: 'auto',
        tables: [
          {
            name: 'PAT',
            file: 'PAT.dat',
            header: true,
            columns: [
              { name: 'ID', start: 1, length: 4 },
              { name: 'SURNAME', start: 5, length: 10 },
              { name: 'DOB', start: 15, length: 8 },
            ],
          },
          { name: 'EPI', file: 'EPI.txt', delimiter: '^', columns: ['EP_ID', 'NOTE'] },
        ],
      }),
    );
    const source = await DumpSourceConnector.open(join(d, 'layout.json'));
    expect(source.tables()).toEqual(['EPI', 'PAT']);
    expect(await rows(source, 'PAT')).toEqual([
      { line: 2, fields: ['0001', 'SMITH', '19800102'] },
      { line: 3, fields: ['0002', "O'NEIL", '19751231'] },
    ]);
    expect(await source.encoding('EPI')).toBe('windows-1252');
    // A line with more fields than the layout is given as it is: the load rejects it by line.
    expect(await rows(source, 'EPI')).toEqual([
      { line: 1, fields: ['9', 'café', ''] },
      { line: 2, fields: ['10', 'x', 'y'] },
    ]);
  });

  it('reads UTF-16 with its BOM, and names the line of bytes invalid in a declared UTF-8', async () => {
    const d = join(dir, 'dump16');
    await import('node:fs/promises').then((fs) => fs.mkdir(d));
    await writeFile(
      join(d, 'A.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ID|NAME\r\n1|Zoë\r\n', 'utf16le')]),
    );
    await writeFile(
      join(d, 'B.txt'),
      Buffer.concat([Buffer.from('ID|NAME\n1|ok\n2|caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    await writeFile(
      join(d, 'layout.json'),
      JSON.stringify({
        tables: [
          { name: 'A', file: 'A.txt', delimiter: '|', header: true },
          { name: 'B', file: 'B.txt', delimiter: '|', header: true, encoding: 'utf-8' },
        ],
      }),
    );
    const source = await DumpSourceConnector.open(join(d, 'layout.json'));
    expect(await source.encoding('A')).toBe('utf-16');
    expect(await source.header('A')).toEqual(['ID', 'NAME']);
    expect(await rows(source, 'A')).toEqual([{ line: 2, fields: ['1', 'Zoë'] }]);
    await expect(rows(source, 'B')).rejects.toSatisfy(failsWith('FERRY_ERR_CSV_ENCODING', 3));
  });

  it('refuses a layout that names no columns for a headerless delimited file', async () => {
    await writeFile(
      join(dir, 'bad-layout.json'),
      JSON.stringify({ tables: [{ name: 'X', file: 'x.txt', delimiter: '^' }] }),
    );
    await expect(DumpSourceConnector.open(join(dir, 'bad-layout.json'))).rejects.toSatisfy(
      failsWith('FERRY_ERR_INPUT'),
    );
  });
});

describe('source specs', () => {
  it('parses each kind, a bare path as CSV, and redacts a password', () => {
    expect(parseSourceSpec('extract/').type.kind).toBe('csv');
    expect(parseSourceSpec('csv:extract/').settings).toEqual({ path: 'extract/', encoding: 'auto', delimiter: 'auto' });
    expect(parseSourceSpec('ndjson:x/').type.kind).toBe('json');
    expect(parseSourceSpec('dump:l.json').settings).toEqual({ path: 'l.json' });
    expect(parseSourceSpec('postgres://u:p%40ss@db:5433/pas?schema=legacy').settings).toEqual({
      host: 'db',
      port: 5433,
      database: 'pas',
      user: 'u',
      password: 'p@ss',
      schema: 'legacy',
    });
    expect(parseSourceSpec('mysql://ferry@maria/pas').settings).toEqual({
      host: 'maria',
      port: 3306,
      database: 'pas',
      user: 'ferry',
    });
    expect(redactSourceSpec('mysql://ferry:secret@maria/pas')).toBe('mysql://ferry:***@maria/pas');
    expect(() => parseSourceSpec('mysql://maria')).toThrow(FerryError);
  });

  it("writes each kind's settings back as the spec that opens them (toSpec inverts settingsFromSpec)", () => {
    const specs = [
      'csv:extract/',
      'json:x/records.ndjson',
      'xlsx:book.xlsx',
      'dump:exports/layout.json',
      'postgres://u:p%40ss@db:5433/pas?schema=legacy',
      'mysql://ferry:s%2Fcret@maria:3307/pas',
      'mysql://ferry@maria:3306/pas',
    ];
    for (const spec of specs) {
      const { type, settings } = parseSourceSpec(spec);
      expect(type.toSpec(settings)).toBe(spec);
      expect(parseSourceSpec(type.toSpec(settings)).settings).toEqual(settings);
    }
    expect(
      redactSourceSpec(
        parseSourceSpec('postgres://u:p%40ss@db:5433/pas').type.toSpec({
          host: 'db',
          port: 5432,
          database: 'pas',
          user: 'u',
          password: 'x:y@z',
          schema: 'public',
        }),
      ),
    ).toBe('postgres://u:***@db:5432/pas?schema=public');
  });
});
