import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { parseBooleanFlag } from './boolean-flag.js';
import { parseCatalogCsv, readCatalogCsv, splitReference } from './catalog-csv-reader.js';
import { formatCatalogCsv, writeCatalogCsv } from './catalog-csv-writer.js';
import { type Catalog, catalogSize, dataTypes } from './catalog-model.js';

const header = 'table_name,column_name,data_type,max_length,nullable,primary_key,references,description';

function errorOf(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-catalog-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseCatalogCsv', () => {
  it('reads tables and columns with every attribute', () => {
    const text = [
      `${header},code_type,in_scope`,
      'PATIENT,PAT_ID,integer,,false,true,,Surrogate key,,yes',
      'PATIENT,SURNAME,String,35,Y,N,,"Family name, as registered",,Y',
      'PATIENT,SEX,code,1,true,false,,Sex code,gender,1',
      'EPISODE,EP_ID,integer,,no,yes,,,,false',
      'EPISODE,PAT_ID,integer,,false,false,PATIENT.PAT_ID,,,N',
      '',
    ].join('\r\n');
    const catalog = parseCatalogCsv(text, 'dir/source.csv');
    expect(catalog).toStrictEqual({
      version: 1,
      name: 'source',
      tables: [
        {
          name: 'PATIENT',
          inScope: true,
          columns: [
            { name: 'PAT_ID', dataType: 'integer', nullable: false, primaryKey: true, description: 'Surrogate key' },
            {
              name: 'SURNAME',
              dataType: 'string',
              maxLength: 35,
              nullable: true,
              primaryKey: false,
              description: 'Family name, as registered',
            },
            {
              name: 'SEX',
              dataType: 'code',
              maxLength: 1,
              nullable: true,
              primaryKey: false,
              description: 'Sex code',
              codeType: 'gender',
            },
          ],
        },
        {
          name: 'EPISODE',
          inScope: false,
          columns: [
            { name: 'EP_ID', dataType: 'integer', nullable: false, primaryKey: true, description: '' },
            {
              name: 'PAT_ID',
              dataType: 'integer',
              nullable: false,
              primaryKey: false,
              references: 'PATIENT.PAT_ID',
              description: '',
            },
          ],
        },
      ],
    });
    expect(catalogSize(catalog)).toEqual({ tables: 2, fields: 5, inScopeTables: 1 });
  });

  it('fills blank cells: nullable unless a primary key, in_scope true; header columns in any order', () => {
    const text =
      'description,data_type,column_name,table_name,primary_key,nullable,references,max_length\n,integer,ID,T,y,,,\n,string,NAME,T,,,,\n';
    const t = parseCatalogCsv(text, 't.csv').tables[0]!;
    expect(t.inScope).toBe(true);
    expect(t.columns.map((c) => [c.name, c.nullable, c.primaryKey])).toEqual([
      ['ID', false, true],
      ['NAME', true, false],
    ]);
  });

  it('collects every error with its line and field into one FERRY_ERR_CATALOG_INVALID', () => {
    const text = [
      `${header},in_scope`,
      'T,ID,integer,,false,true,,,true',
      'T,A,strng,,true,false,,,true',
      'T,B,string,-3,true,false,,,true',
      'T,C,string,abc,maybe,false,,,true',
      'T,D,integer,,false,false,NOPE,,true',
      'T,E,integer,,false,false,U.ID,,true',
      'T,F,integer,,false,false,T.MISSING,,true',
      'T,ID,integer,,false,false,,,true',
      'T,G,string,10,true,true,,,true',
      'T,H,string,10,true',
      ',I,string,,true,false,,,true',
      'T,J,string,,true,false,,,no',
    ].join('\n');
    const e = errorOf(() => parseCatalogCsv(text, 'bad.csv'));
    expect(e.code).toBe('FERRY_ERR_CATALOG_INVALID');
    expect(e.message.split('\n')).toEqual([
      '12 errors in the catalog:',
      `  bad.csv:3 field data_type: unknown data type 'strng' (expected one of ${dataTypes.join(', ')})`,
      "  bad.csv:4 field max_length: '-3' is not a positive whole number",
      "  bad.csv:5 field max_length: 'abc' is not a positive whole number",
      "  bad.csv:5 field nullable: 'maybe' is not a yes/no value (true/false, yes/no, y/n, 1/0)",
      "  bad.csv:6 field references: 'NOPE' is not of the form TABLE.COLUMN",
      '  bad.csv:9 field column_name: column T.ID is already defined on line 2',
      '  bad.csv:10 field nullable: a primary key column cannot be nullable',
      '  bad.csv:11: record has 5 fields, header has 9',
      '  bad.csv:12 field table_name: is blank',
      '  bad.csv:13 field in_scope: table T is in_scope=false here but true on line 2; all rows of a table must agree',
      '  bad.csv:7 field references: refers to table U, which is not in the catalog',
      '  bad.csv:8 field references: refers to column MISSING, which table T does not have',
    ]);
    expect(e.describe().startsWith('bad.csv: 12 errors in the catalog:')).toBe(true);
  });

  it('reports a missing required header column and an unknown one', () => {
    const e = errorOf(() =>
      parseCatalogCsv('table_name,column_name,data_type,nullable,primary_key,references,descr\n', 'h.csv'),
    );
    expect(e.code).toBe('FERRY_ERR_CATALOG_INVALID');
    expect(e.message).toContain('h.csv:1 field descr: unknown column in the header');
    expect(e.message).toContain('h.csv:1 field max_length: required column is missing from the header');
    expect(e.message).toContain('h.csv:1 field description: required column is missing from the header');
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => parseCatalogCsv('', 'e.csv')).message).toContain('the file is empty');
  });

  it('stops listing after 50 errors and says how many more', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `T,C${i},nope,,true,false,,`);
    const e = errorOf(() => parseCatalogCsv([header, ...rows].join('\n'), 'many.csv'));
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('60 errors in the catalog:');
    expect(lines).toHaveLength(52);
    expect(lines.at(-1)).toBe('  ... and 10 more');
  });
});

describe('catalog CSV round trip', () => {
  it('parse(format(c)) equals c, through a file too', async () => {
    const catalog: Catalog = {
      version: 1,
      name: 'rt',
      tables: [
        {
          name: 'dbo.PATIENT',
          inScope: true,
          columns: [
            { name: 'ID', dataType: 'integer', nullable: false, primaryKey: true, description: '' },
            {
              name: 'NOTE',
              dataType: 'string',
              maxLength: 4000,
              nullable: true,
              primaryKey: false,
              description: ' Free text, "quoted"\nover two lines ',
            },
            {
              name: 'SEX',
              dataType: 'code',
              maxLength: 1,
              nullable: true,
              primaryKey: false,
              description: 'Sex',
              codeType: 'gender',
            },
          ],
        },
        {
          name: 'VISIT',
          inScope: false,
          columns: [
            {
              name: 'PAT',
              dataType: 'integer',
              nullable: false,
              primaryKey: false,
              references: 'dbo.PATIENT.ID',
              description: 'é £ €',
            },
            ...dataTypes.map((t) => ({
              name: `C_${t}`,
              dataType: t,
              nullable: true,
              primaryKey: false,
              description: t,
            })),
          ],
        },
      ],
    };
    expect(parseCatalogCsv(formatCatalogCsv(catalog), 'x.csv', { name: 'rt' })).toStrictEqual(catalog);
    const path = join(dir, 'sub', 'rt.csv');
    await writeCatalogCsv(catalog, path);
    expect(await readCatalogCsv(path)).toStrictEqual(catalog);
    expect((await readFile(path, 'utf8')).split('\n')[0]).toBe(`${header},code_type,in_scope`);
  });

  it('reads a legacy Windows-1252 catalog file', async () => {
    const path = join(dir, 'cp1252.csv');
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from(`${header}\nT,FEE,decimal,,true,false,,Fee in `),
        Buffer.from([0xa3]),
        Buffer.from('\n'),
      ]),
    );
    expect((await readCatalogCsv(path)).tables[0]?.columns[0]?.description).toBe('Fee in £');
  });
});

describe('helpers', () => {
  it('parseBooleanFlag accepts true/false/yes/no/y/n/1/0 in any case', () => {
    for (const v of ['true', 'TRUE', 'Yes', 'y', '1', ' Y ']) expect(parseBooleanFlag(v)).toBe(true);
    for (const v of ['false', 'No', 'N', '0']) expect(parseBooleanFlag(v)).toBe(false);
    for (const v of ['', 'maybe', 't', '2']) expect(parseBooleanFlag(v)).toBeUndefined();
  });

  it('splitReference splits at the last dot', () => {
    expect(splitReference('A.B')).toEqual({ table: 'A', column: 'B' });
    expect(splitReference('dbo.A.B')).toEqual({ table: 'dbo.A', column: 'B' });
    expect(splitReference('AB')).toBeUndefined();
    expect(splitReference('A.')).toBeUndefined();
    expect(splitReference('A B.C')).toBeUndefined();
  });
});

describe('the identifier flag', () => {
  const header = 'table_name,column_name,data_type,max_length,nullable,primary_key,references,description,identifier';
  it('reads a kind per column, writes it back, and refuses an unknown kind naming the line', () => {
    const csv = `${header}\nPAT,ID,integer,,false,true,,Key,\nPAT,SURNAME,string,35,true,false,,Surname,Name\n`;
    const catalog = parseCatalogCsv(csv, 'pat.csv');
    expect(catalog.tables[0]!.columns.map((c) => c.identifier)).toEqual([undefined, 'name']);
    const written = formatCatalogCsv(catalog);
    expect(written.split('\n')[0]).toBe(
      'table_name,column_name,data_type,max_length,nullable,primary_key,references,description,code_type,in_scope,identifier',
    );
    expect(parseCatalogCsv(written, 'pat.csv')).toEqual(catalog);
    expect(() => parseCatalogCsv(`${header}\nPAT,X,string,,true,false,,x,passport\n`, 'pat.csv')).toThrow(
      /pat.csv:2.*identifier.*'passport' is not an identifier kind/s,
    );
  });

  it('leaves the header as it was when no column is flagged', () => {
    const catalog = parseCatalogCsv(`${header}\nPAT,ID,integer,,false,true,,Key,\n`, 'pat.csv');
    expect(formatCatalogCsv(catalog).split('\n')[0]).not.toContain('identifier');
  });
});
