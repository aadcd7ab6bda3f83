import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, postgresReachable } from '@ferry/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';
import { parseCatalogSource } from './catalog.js';

/** `ferry ARGS` in-process through the real `main()`: same parsing, output and exit codes. */
const ferry = runFerry;

const header = 'table_name,column_name,data_type,max_length,nullable,primary_key,references,description';
const pgUp = await postgresReachable();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-catalog-'));
  await writeFile(
    join(dir, 'good.csv'),
    `${header},in_scope\nPATIENT,ID,integer,,false,true,,,true\nPATIENT,NAME,string,35,true,false,,,true\nVISIT,PAT,integer,,false,false,PATIENT.ID,,false\n`,
  );
  await writeFile(
    join(dir, 'bad.csv'),
    `${header}\nPATIENT,ID,int,,false,true,,\nVISIT,PAT,integer,,false,false,PATIENT.NOPE,\n`,
  );
  await mkdir(join(dir, 'extract'));
  await writeFile(
    join(dir, 'extract', 'PATIENT.csv'),
    'PAT_ID,DOB,SEX\r\n1,03/02/1961,M\r\n2,,F\r\n3,1999-12-31,M\r\n4,,F\r\n',
  );
  await mkdir(join(dir, 'extract-keys'));
  await writeFile(join(dir, 'extract-keys', 'PATIENT.csv'), 'PAT_ID,SEX\n1,M\n2,F\n3,M\n');
  await writeFile(
    join(dir, 'extract-keys', 'VISIT.csv'),
    'VISIT_ID,PAT_ID,SEEN\n10,1,2024-01-02\n11,1,\n12,3,2024-02-01\n',
  );
  await writeFile(join(dir, 'extract-keys', 'PATIENT_AUD.csv'), 'AUD_ID,PAT_ID\n1,1\n2,1\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ferry catalog validate', () => {
  it('prints the size of a valid catalog', async () => {
    const file = join(dir, 'good.csv');
    expect(await ferry('catalog', 'validate', file)).toEqual({
      code: 0,
      stdout: `${file}: valid, 2 tables, 3 fields (1 in scope)\n`,
      stderr: '',
    });
    const r = await ferry('catalog', 'validate', file, '--json');
    expect(JSON.parse(r.stdout)).toEqual({ file, tables: 2, fields: 3, inScopeTables: 1 });
  });

  it('exits 2 listing every error with line and field', async () => {
    const file = join(dir, 'bad.csv');
    const r = await ferry('catalog', 'validate', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `ferry: ${file}: 2 errors in the catalog:\n` +
        `  ${file}:2 field data_type: unknown data type 'int' (expected one of string, integer, decimal, date, datetime, boolean, code)\n` +
        `  ${file}:3 field references: refers to table PATIENT, which is not in the catalog\n`,
    );
  });

  it('exits 2 for a missing file', async () => {
    const r = await ferry('catalog', 'validate', join(dir, 'missing.csv'));
    expect([r.code, r.stderr]).toEqual([2, `ferry: ${join(dir, 'missing.csv')}: file not found\n`]);
  });
});

describe('ferry catalog draft (alias introspect)', () => {
  it('drafts a catalog from a CSV folder that then validates', async () => {
    const out = join(dir, 'out', 'source.csv');
    const r = await ferry('catalog', 'introspect', '--source', `csv:${join(dir, 'extract')}`, '--out', out);
    expect(r).toEqual({
      code: 0,
      stdout: `wrote ${out}: 1 table, 3 fields (1 in scope); 1 primary key, 0 references\n`,
      stderr: '',
    });
    expect(await readFile(out, 'utf8')).toBe(
      `${header},code_type,in_scope\n` +
        'PATIENT,PAT_ID,integer,,false,true,,,,true\n' +
        'PATIENT,DOB,date,,true,false,,,,true\n' +
        'PATIENT,SEX,code,1,false,false,,,,true\n',
    );
    expect((await ferry('catalog', 'validate', out)).code).toBe(0);
  });

  it('infers primary keys, references between files and scope from the data', async () => {
    const out = join(dir, 'out', 'keys.csv');
    const r = await ferry('catalog', 'draft', '--source', `csv:${join(dir, 'extract-keys')}`, '--out', out);
    expect(r).toEqual({
      code: 0,
      stdout: `wrote ${out}: 3 tables, 7 fields (2 in scope); 3 primary keys, 2 references\n`,
      stderr: '',
    });
    expect(await readFile(out, 'utf8')).toBe(
      `${header},code_type,in_scope\n` +
        'PATIENT,PAT_ID,integer,,false,true,,,,true\n' +
        'PATIENT,SEX,string,1,false,false,,,,true\n' +
        'PATIENT_AUD,AUD_ID,integer,,false,true,,,,false\n' +
        'PATIENT_AUD,PAT_ID,integer,,false,false,PATIENT.PAT_ID,,,false\n' +
        'VISIT,VISIT_ID,integer,,false,true,,,,true\n' +
        'VISIT,PAT_ID,integer,,false,false,PATIENT.PAT_ID,,,true\n' +
        'VISIT,SEEN,date,,true,false,,,,true\n',
    );
    expect((await ferry('catalog', 'validate', out)).code).toBe(0);
  });

  it('refuses a bad source, --schema with CSV and a missing --out', async () => {
    const bad = await ferry('catalog', 'introspect', '--source', 'oracle://x/y', '--out', join(dir, 'x.csv'));
    expect([bad.code, bad.stderr]).toEqual([
      2,
      "ferry: unknown source scheme 'oracle:'; --source is csv:DIR, postgres://URL or a --source kind of ferry lifecycle\n",
    ]);
    const schema = await ferry(
      'catalog',
      'introspect',
      '--source',
      `csv:${dir}/extract`,
      '--schema',
      's',
      '--out',
      join(dir, 'x.csv'),
    );
    expect([schema.code, schema.stderr]).toEqual([2, 'ferry: --schema applies to postgres:// sources only\n']);
    expect((await ferry('catalog', 'introspect', '--source', `csv:${dir}/extract`)).code).toBe(2);
    const missing = await ferry('catalog', 'introspect', '--source', `csv:${dir}/nothing`, '--out', join(dir, 'x.csv'));
    expect(missing.code).toBe(2);
  });

  it('parses source specs', () => {
    expect(parseCatalogSource('csv:extract')).toEqual({ kind: 'csv', path: 'extract' });
    expect(parseCatalogSource('postgresql://u@h/db')).toEqual({ kind: 'postgres', url: 'postgresql://u@h/db' });
    expect(() => parseCatalogSource('extract')).toThrow("'extract' has no scheme");
    expect(parseCatalogSource('ndjson:x/')).toEqual({ kind: 'connector', spec: 'ndjson:x/' });
    expect(parseCatalogSource('mysql://u@h/db')).toEqual({ kind: 'connector', spec: 'mysql://u@h/db' });
  });
});

describe.skipIf(!pgUp)('ferry catalog draft postgres:// (PostgreSQL)', () => {
  let env: Awaited<ReturnType<typeof createTestSchema>>;
  beforeAll(async () => {
    env = await createTestSchema('ferry_cli_catalog');
    const client = new pg.Client({ connectionString: env.url });
    await client.connect();
    await client.query(`
      create table ward (ward_code varchar(8) primary key, name text not null);
      comment on column ward.name is 'Ward name';
      create table stay (stay_id integer primary key, ward_code varchar(8) references ward(ward_code), admitted timestamp);
    `);
    await client.end();
  });
  afterAll(async () => {
    await env?.drop();
  });

  it('writes the schema as a catalog CSV', async () => {
    const out = join(dir, 'pg.csv');
    const r = await ferry(
      'catalog',
      'introspect',
      '--source',
      env.url,
      '--schema',
      env.schema,
      '--out',
      out,
      '--name',
      'legacy',
    );
    expect(r).toEqual({
      code: 0,
      stdout: `wrote ${out}: 2 tables, 5 fields (2 in scope); 2 primary keys, 1 reference\n`,
      stderr: '',
    });
    expect(await readFile(out, 'utf8')).toBe(
      `${header},code_type,in_scope\n` +
        'stay,stay_id,integer,,false,true,,,,true\n' +
        'stay,ward_code,string,8,true,false,ward.ward_code,,,true\n' +
        'stay,admitted,datetime,,true,false,,,,true\n' +
        'ward,ward_code,string,8,false,true,,,,true\n' +
        'ward,name,string,,false,false,,Ward name,,true\n',
    );
  });

  it('exits 2 for a schema that does not exist', async () => {
    const r = await ferry(
      'catalog',
      'introspect',
      '--source',
      env.url,
      '--schema',
      'no_such_schema',
      '--out',
      join(dir, 'n.csv'),
    );
    expect([r.code, r.stderr]).toEqual([2, "ferry: schema 'no_such_schema' does not exist in the database\n"]);
  });
});
