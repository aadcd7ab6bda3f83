import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../../errors.js';
import { detectCsvDelimiter } from './csv-delimiter-detector.js';
import { readCsvFileFormat, readCsvTextChunks } from './csv-reader.js';
import type { CsvRecord } from './csv-record.js';
import { CsvRecordParser } from './csv-record-parser.js';
import { CsvSourceConnector } from './csv-source-connector.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-csv-format-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function table(body: string | Buffer, options = {}) {
  const path = join(dir, `T${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, body);
  const source = await CsvSourceConnector.open(path, options);
  const [name] = source.tables() as [string];
  const rows: CsvRecord[] = [];
  for await (const r of source.rows(name)) rows.push(r);
  return { source, name, path, header: await source.header(name), rows };
}

async function failure(p: Promise<unknown>): Promise<FerryError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof FerryError)) throw new Error(`expected a FerryError, got ${String(e)}`);
  return e;
}

describe('delimiter detection', () => {
  it('reads a semicolon-delimited file as its columns (it was one column), commas in values kept', async () => {
    const t = await table('PAT_ID;SURNAME;SEX\r\n1;SMITH, J;M\r\n2;JONES;F\r\n');
    expect(t.header).toEqual(['PAT_ID', 'SURNAME', 'SEX']);
    expect(t.rows.map((r) => r.fields)).toEqual([
      ['1', 'SMITH, J', 'M'],
      ['2', 'JONES', 'F'],
    ]);
    expect(await t.source.describeFile(t.name)).toMatchObject({ delimiter: 'semicolon', delimiterSource: 'detected' });
  });

  it('detects tab and pipe, honours quotes, and keeps comma for one-column files', async () => {
    expect((await table('A\tB\n1\t"x\ty"\n')).rows[0]!.fields).toEqual(['1', 'x\ty']);
    expect((await table('A|B\n1|2\n')).rows[0]!.fields).toEqual(['1', '2']);
    const one = await table('CODE\nA;B\n');
    expect(one.rows[0]!.fields).toEqual(['A;B']);
    expect(await one.source.describeFile(one.name)).toMatchObject({
      delimiter: 'comma',
      delimiterSource: 'single-column',
    });
  });

  it('prefers the one delimiter the records agree with, and a sole candidate even with ragged rows', async () => {
    // The header splits on both ',' and ';', but only ',' gives every record the header's width.
    expect((await table('A,B;C\n1,2;3\n4,5\n6,7\n')).header).toEqual(['A', 'B;C']);
    expect((await table('A,B,C\n1,2\n3,4\n')).header).toEqual(['A', 'B', 'C']);
  });

  it('refuses an ambiguous file with FERRY_ERR_CSV_DELIMITER naming each reading, and reads it once declared', async () => {
    const path = join(dir, 'AMBIG.csv');
    await writeFile(path, 'A,B;C,D\n1,2;3,4\n');
    const source = await CsvSourceConnector.open(path);
    const e = await failure(source.header('AMBIG'));
    expect(e.code).toBe('FERRY_ERR_CSV_DELIMITER');
    expect(e.describe()).toBe(
      `${path}:1: the field delimiter is ambiguous: comma gives 3 columns (1 of 1 sampled records agree); ` +
        'semicolon gives 2 columns (1 of 1 sampled records agree); declare it (--delimiter comma, semicolon, tab or pipe)',
    );
    const declared = await CsvSourceConnector.open(path, { delimiter: ';' });
    expect(await declared.header('AMBIG')).toEqual(['A,B', 'C,D']);
  });

  it('sees a header longer than the sample whole', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `COLUMN_${i}`);
    const t = await table(`${names.join(';')}\n${names.map((_, i) => i).join(';')}\n`);
    expect(t.header).toHaveLength(20_000);
    expect(t.rows[0]!.fields).toHaveLength(20_000);
  });

  it('is a pure function of the sample', () => {
    expect(detectCsvDelimiter('a|b\n1|2', true, 'lf', 'x')).toEqual({ delimiter: '|', source: 'detected' });
    expect(() => detectCsvDelimiter('a,b;c\n', true, 'lf', 'x')).toThrow(/ambiguous/);
  });
});

describe('bare CR line ends', () => {
  it('reads records ended by a bare CR, numbered by line (they read as 0 rows before)', async () => {
    const t = await table('PAT_ID,SURNAME\r1,SMITH\r2,"O\rNEIL"\r3,LEE');
    expect(t.header).toEqual(['PAT_ID', 'SURNAME']);
    expect(t.rows).toEqual([
      { line: 2, fields: ['1', 'SMITH'] },
      { line: 3, fields: ['2', 'O\rNEIL'] },
      { line: 5, fields: ['3', 'LEE'] },
    ]);
    expect(await t.source.describeFile(t.name)).toMatchObject({ lineEnding: 'cr' });
  });

  it('cuts CR files into the same records for worker threads', async () => {
    const path = join(dir, 'CR.csv');
    await writeFile(path, 'A;B\r1;x\r2;"y\rz"\r3;w\r');
    const text = await readCsvTextChunks(path, 2, {}, await readCsvFileFormat(path, { delimiter: 'auto' }));
    const out: CsvRecord[] = [];
    for await (const c of text.chunks) {
      const p = new CsvRecordParser({ ...text.parse, firstLine: c.firstLine, expectedFields: 2 });
      p.push(Buffer.from(c.bytes).toString('utf8'), out);
      p.end(out);
    }
    expect(out).toEqual([
      { line: 2, fields: ['1', 'x'] },
      { line: 3, fields: ['2', 'y\rz'] },
      { line: 5, fields: ['3', 'w'] },
    ]);
  });
});

describe('unbalanced quotes', () => {
  it('a quote that swallows lines gives one malformed record per physical line, never one merged record', async () => {
    const t = await table('ID,NAME,SEX\n1,"SMITH,M\n2,JONES,F\n3,"LEE",F\n4,BROWN,M\n');
    expect(t.rows.map((r) => [r.line, r.fields, r.malformed?.continuation])).toEqual([
      [2, ['1', 'SMITH,M'], false],
      [3, ['2', 'JONES', 'F'], true],
      [4, ['3', 'LEE', 'F'], true],
      [5, ['4', 'BROWN', 'M'], undefined],
    ]);
    // The quote closed before LEE, so the merged record even had the header's width: the text after it gives it away.
    expect(t.rows[0]!.malformed).toEqual({
      firstLine: 2,
      lastLine: 4,
      mergedFields: 3,
      expectedFields: 3,
      continuation: false,
    });
    const wide = await table('ID,NAME,SEX\n1,"SMITH,M\n2,JONES,F\n3,LEE,"F"\n');
    expect(wide.rows.map((r) => [r.line, r.malformed?.mergedFields])).toEqual([
      [2, 2],
      [3, 2],
      [4, 2],
    ]);
  });

  it('keeps a well-formed quoted line break as one record', async () => {
    const t = await table('ID,ADDR,SEX\n1,"1 High St\nLeeds",M\n2,x,F\n');
    expect(t.rows.map((r) => [r.line, r.fields, r.malformed])).toEqual([
      [2, ['1', '1 High St\nLeeds', 'M'], undefined],
      [4, ['2', 'x', 'F'], undefined],
    ]);
  });

  it('a quote open at the end of the file makes its lines malformed records instead of an error', async () => {
    const t = await table('ID,NAME\n1,A\n2,"B\n3,C\n');
    expect(t.rows.map((r) => [r.line, r.malformed?.lastLine, r.malformed?.mergedFields])).toEqual([
      [2, undefined, undefined],
      [3, 4, undefined],
      [4, 4, undefined],
    ]);
  });
});

describe('encoding recorded per file', () => {
  it('describes how each file was read', async () => {
    const t = await table(Buffer.from([...Buffer.from('A,B\n1,Ren'), 0xe9, 0x0a]));
    expect(await t.source.describeFile(t.name)).toEqual({
      table: t.name,
      file: `${t.name}.csv`,
      encoding: 'windows-1252',
      encodingSource: 'not-utf-8',
      delimiter: 'comma',
      delimiterSource: 'detected',
      lineEnding: 'lf',
    });
    expect(t.rows[0]!.fields).toEqual(['1', 'Ren\u00e9']);
  });
});
