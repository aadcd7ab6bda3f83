import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CsvSourceConnector } from './csv/csv-source-connector.js';
import { readSourceTablePage } from './source-table-page.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-page-'));
  await writeFile(join(dir, 'PATIENT.csv'), 'PAT_ID,SURNAME\n1,Smith\n2,"Jones\nJr"\n3,Patel,extra\n4,Khan\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('pages the data rows of a CSV table with their lines, ragged rows as they are, and says whether more follow', async () => {
  const source = await CsvSourceConnector.open(dir);
  expect(await readSourceTablePage(source, 'PATIENT', 0, 2)).toEqual({
    columns: ['PAT_ID', 'SURNAME'],
    rows: [
      ['1', 'Smith'],
      ['2', 'Jones\nJr'],
    ],
    lines: [2, 3],
    offset: 0,
    hasMore: true,
  });
  expect(await readSourceTablePage(source, 'PATIENT', 2, 2)).toEqual({
    columns: ['PAT_ID', 'SURNAME'],
    rows: [
      ['3', 'Patel', 'extra'],
      ['4', 'Khan'],
    ],
    lines: [5, 6],
    offset: 2,
    hasMore: false,
  });
  expect((await readSourceTablePage(source, 'PATIENT', 10, 2)).rows).toEqual([]);
});
