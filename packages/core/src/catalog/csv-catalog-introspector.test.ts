import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogCsv } from './catalog-csv-reader.js';
import { formatCatalogCsv } from './catalog-csv-writer.js';
import { introspectCsvFolder } from './csv-catalog-introspector.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-csv-introspect-'));
  await mkdir(join(dir, 'extract'));
  await mkdir(join(dir, 'bad'));
  const patients = ['PAT_ID,HOSP_NO,SURNAME,SEX,DOB,ADMITTED,DECEASED,WEIGHT,NOTE'];
  for (let i = 1; i <= 40; i++) {
    patients.push(
      [
        i,
        `H${String(i).padStart(6, '0')}`,
        i % 2 ? 'SMITH' : '"O\'BRIEN, J"',
        i % 3 ? 'M' : 'F',
        `0${1 + (i % 9)}/0${1 + (i % 9)}/19${50 + i}`,
        `2024-01-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i).padStart(2, '0')}`,
        i % 5 ? 'N' : 'Y',
        i % 4 ? `${60 + i}.5` : '',
        i === 7 ? 'Needs interpreter' : '',
      ].join(','),
    );
  }
  patients.push('41,H000041'); // ragged: not sampled
  await writeFile(join(dir, 'extract', 'PATIENT.csv'), `${patients.join('\r\n')}\r\n`);
  await writeFile(join(dir, 'extract', 'WARD.csv'), 'WARD_CODE,NAME\n');
  await writeFile(join(dir, 'bad', 'X.csv'), 'A,,A\n1,2,3\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('introspectCsvFolder', () => {
  it('drafts a table per file with inferred types, lengths and nullability', async () => {
    const catalog = await introspectCsvFolder(join(dir, 'extract'));
    expect(catalog.name).toBe('extract');
    expect(catalog.tables.map((t) => t.name)).toEqual(['PATIENT', 'WARD']);
    const cols = catalog.tables[0]!.columns.map((c) => [c.name, c.dataType, c.maxLength, c.nullable]);
    expect(cols).toEqual([
      ['PAT_ID', 'integer', undefined, false],
      ['HOSP_NO', 'string', 7, false],
      ['SURNAME', 'string', 10, false],
      ['SEX', 'code', 1, false],
      ['DOB', 'date', undefined, false],
      ['ADMITTED', 'datetime', undefined, false],
      ['DECEASED', 'boolean', undefined, false],
      ['WEIGHT', 'decimal', undefined, true],
      ['NOTE', 'string', 17, true],
    ]);
    // PAT_ID is the key (unique, never blank, named as an identifier); HOSP_NO is unique too but comes later.
    expect(catalog.tables[0]!.columns.filter((c) => c.primaryKey).map((c) => c.name)).toEqual(['PAT_ID']);
    expect(catalog.tables[0]!.columns.every((c) => c.description === '' && c.references === undefined)).toBe(true);
    expect(catalog.tables.map((t) => t.inScope)).toEqual([true, false]);
    // A header-only file: every column a nullable string, no key, and out of scope (nothing to migrate).
    expect(catalog.tables[1]!.columns).toStrictEqual([
      { name: 'WARD_CODE', dataType: 'string', nullable: true, primaryKey: false, description: '' },
      { name: 'NAME', dataType: 'string', nullable: true, primaryKey: false, description: '' },
    ]);
    // The draft is a valid catalog file.
    expect(parseCatalogCsv(formatCatalogCsv(catalog), 'c.csv', { name: 'extract' })).toStrictEqual(catalog);
  });

  it('samples only the first N rows', async () => {
    const catalog = await introspectCsvFolder(join(dir, 'extract', 'PATIENT.csv'), { sampleRows: 3 });
    expect(catalog.name).toBe('PATIENT');
    const note = catalog.tables[0]!.columns.find((c) => c.name === 'NOTE')!;
    // Row 7 (the only note) is not in the sample.
    expect([note.nullable, note.maxLength]).toEqual([true, undefined]);
  });

  it('refuses blank and repeated header names, naming file and position', async () => {
    const e = await introspectCsvFolder(join(dir, 'bad')).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'FERRY_ERR_INPUT' });
    expect((e as Error).message).toContain('X.csv:1 field #2: header name is blank');
    expect((e as Error).message).toContain('X.csv:1 field A: header name repeats field 1');
  });

  it('leaves keys blank and every table in scope with inferKeys: false', async () => {
    const catalog = await introspectCsvFolder(join(dir, 'extract'), { inferKeys: false });
    expect(catalog.tables.map((t) => t.inScope)).toEqual([true, true]);
    expect(catalog.tables.flatMap((t) => t.columns).some((c) => c.primaryKey)).toBe(false);
  });

  it('refuses a bad sample size', async () => {
    await expect(introspectCsvFolder(join(dir, 'extract'), { sampleRows: 0 })).rejects.toMatchObject({
      code: 'FERRY_ERR_USAGE',
    });
  });
});

describe('introspectCsvFolder on other layouts', () => {
  it('reads a semicolon-delimited extract and leaves the lines an unbalanced quote swallowed out of its inference', async () => {
    const d = await mkdtemp(join(tmpdir(), 'ferry-csv-introspect-semi-'));
    try {
      // Lines 3-4 are one record only through the stray quote; on their own they would make AGE text.
      await writeFile(join(d, 'P.csv'), 'ID;AGE\n1;40\n2;"x\nnot a number;7"z\n3;41\n');
      const catalog = await introspectCsvFolder(d);
      expect(catalog.tables[0]!.columns.map((c) => [c.name, c.dataType, c.nullable])).toEqual([
        ['ID', 'integer', false],
        ['AGE', 'integer', false],
      ]);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});
