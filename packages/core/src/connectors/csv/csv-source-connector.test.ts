import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../../errors.js';
import type { CsvRecord } from './csv-record.js';
import { CsvSourceConnector, csvTableName } from './csv-source-connector.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-csv-source-'));
  await mkdir(join(dir, 'extract', 'nested'), { recursive: true });
  await writeFile(join(dir, 'extract', 'PATIENT.csv'), 'PAT_ID,SURNAME\r\n1,SMITH\r\n2,"JONES, A"\r\n3\r\n');
  await writeFile(join(dir, 'extract', 'EPISODE.CSV'), Buffer.from([...Buffer.from('EP_ID,NOTE\n9,caf'), 0xe9, 0x0a]));
  await writeFile(join(dir, 'extract', 'readme.txt'), 'not a table');
  await writeFile(join(dir, 'extract', 'nested', 'OTHER.csv'), 'x\n1\n');
  await writeFile(join(dir, 'empty.csv'), '');
  await mkdir(join(dir, 'nothing'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(gen: AsyncGenerator<CsvRecord>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe('CsvSourceConnector', () => {
  it('lists the .csv files of a folder as sorted tables, ignoring other files and sub-folders', async () => {
    const source = await CsvSourceConnector.open(join(dir, 'extract'));
    expect(source.tables()).toEqual(['EPISODE', 'PATIENT']);
    expect(source.filePath('PATIENT')).toBe(join(dir, 'extract', 'PATIENT.csv'));
  });

  it('gives the header, and data rows with their lines, ragged ones included', async () => {
    const source = await CsvSourceConnector.open(join(dir, 'extract'));
    expect(await source.header('PATIENT')).toEqual(['PAT_ID', 'SURNAME']);
    expect(await collect(source.rows('PATIENT'))).toEqual([
      { line: 2, fields: ['1', 'SMITH'] },
      { line: 3, fields: ['2', 'JONES, A'] },
      { line: 4, fields: ['3'] },
    ]);
    const batches: CsvRecord[][] = [];
    for await (const b of source.rowBatches('PATIENT')) batches.push(b);
    expect(batches.flat().map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('detects each table encoding separately', async () => {
    const source = await CsvSourceConnector.open(join(dir, 'extract'));
    expect(await source.encoding('PATIENT')).toBe('utf-8');
    expect(await source.encoding('EPISODE')).toBe('windows-1252');
    expect((await collect(source.rows('EPISODE')))[0]?.fields).toEqual(['9', 'café']);
  });

  it('reports a declared encoding', async () => {
    const source = await CsvSourceConnector.open(join(dir, 'extract'), { encoding: 'latin1' });
    expect(await source.encoding('PATIENT')).toBe('latin1');
  });

  it('opens a single file as one table', async () => {
    const source = await CsvSourceConnector.open(join(dir, 'extract', 'PATIENT.csv'));
    expect(source.tables()).toEqual(['PATIENT']);
    expect(await source.header('PATIENT')).toEqual(['PAT_ID', 'SURNAME']);
  });

  it('refuses an empty file when asked for its header, and yields no rows', async () => {
    const source = await CsvSourceConnector.open(join(dir, 'empty.csv'));
    await expect(source.header('empty')).rejects.toMatchObject({ code: 'FERRY_ERR_INPUT' });
    expect(await collect(source.rows('empty'))).toEqual([]);
  });

  it('refuses a missing path, a folder without CSV files, an unknown table and bad options', async () => {
    await expect(CsvSourceConnector.open(join(dir, 'missing'))).rejects.toMatchObject({ code: 'FERRY_ERR_NOT_FOUND' });
    await expect(CsvSourceConnector.open(join(dir, 'nothing'))).rejects.toMatchObject({ code: 'FERRY_ERR_NOT_FOUND' });
    const source = await CsvSourceConnector.open(join(dir, 'extract'));
    expect(() => source.filePath('WARD')).toThrow(FerryError);
    expect(() => source.filePath('WARD')).toThrow("no table 'WARD'; tables: EPISODE, PATIENT");
    await expect(CsvSourceConnector.open(dir, { maxFieldBytes: -1 })).rejects.toMatchObject({
      code: 'FERRY_ERR_USAGE',
    });
  });

  it('names tables after files without .csv', () => {
    expect(csvTableName('/a/b/LOAD_PMI.csv')).toBe('LOAD_PMI');
    expect(csvTableName('x.CSV')).toBe('x');
    expect(csvTableName('data.txt')).toBe('data.txt');
  });
});
