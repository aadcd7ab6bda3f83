import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryError } from '@ferry/core';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackCatalog, readPackCrosswalks } from './pack-csv-readers.js';

const dir = mkdtempSync(join(tmpdir(), 'nhs-pas-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function failure(p: Promise<unknown>): Promise<FerryError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FerryError);
  return e as FerryError;
}

const header =
  'table_name,column_name,data_type,max_length,nullable,primary_key,references,description,code_type,in_scope';

describe('readPackCatalog', () => {
  it('groups rows into tables in file order with typed columns', async () => {
    const path = file(
      'ok.csv',
      `${header}\nPATIENT,PAT_ID,integer,,false,true,,Key,,true\nPATIENT,SEX,code,1,true,false,,"Sex, local",SEX,true\nPAT_ADDR,PAT_ID,integer,,N,false,PATIENT.PAT_ID,,,Y\n`,
    );
    const catalog = await readPackCatalog(path, 'test');
    expect(catalog.tables.map((t) => [t.name, t.inScope, t.columns.length])).toEqual([
      ['PATIENT', true, 2],
      ['PAT_ADDR', true, 1],
    ]);
    expect(catalog.tables[0]?.columns[1]).toEqual({
      name: 'SEX',
      dataType: 'code',
      maxLength: 1,
      nullable: true,
      primaryKey: false,
      description: 'Sex, local',
      codeType: 'SEX',
    });
    expect(catalog.tables[1]?.columns[0]).toMatchObject({ nullable: false, references: 'PATIENT.PAT_ID' });
  });

  it('names the file, line and field of a bad row', async () => {
    const bad = await failure(
      readPackCatalog(file('bad-type.csv', `${header}\nPATIENT,PAT_ID,number,,false,true,,,,true\n`), 'x'),
    );
    expect(bad).toMatchObject({ code: 'FERRY_ERR_CATALOG_INVALID', context: { line: 2, field: 'dataType' } });
    const flag = await failure(
      readPackCatalog(file('bad-flag.csv', `${header}\nPATIENT,PAT_ID,integer,,maybe,true,,,,true\n`), 'x'),
    );
    expect(flag).toMatchObject({ code: 'FERRY_ERR_CATALOG_INVALID', context: { line: 2, field: 'nullable' } });
    const ragged = await failure(readPackCatalog(file('ragged.csv', `${header}\nPATIENT,PAT_ID\n`), 'x'));
    expect(ragged).toMatchObject({ code: 'FERRY_ERR_CATALOG_INVALID', context: { line: 2 } });
    const noHeader = await failure(readPackCatalog(file('no-header.csv', 'table_name,column_name\nA,B\n'), 'x'));
    expect(noHeader).toMatchObject({ code: 'FERRY_ERR_CATALOG_INVALID', context: { line: 1, field: 'data_type' } });
    const missing = await failure(readPackCatalog(join(dir, 'absent.csv'), 'x'));
    expect(missing.code).toBe('FERRY_ERR_NOT_FOUND');
  });
});

describe('readPackCrosswalks', () => {
  const cwHeader = 'code_type,source_code,source_label,target_code,target_label,equivalence,status';

  it('reads entries with their equivalence and status', async () => {
    const set = await readPackCrosswalks(file('cw.csv', `${cwHeader}\ngender,M,Male,1,Male,equivalent,approved\n`));
    expect(set).toEqual({
      version: 1,
      entries: [
        {
          codeType: 'gender',
          sourceCode: 'M',
          sourceLabel: 'Male',
          targetCode: '1',
          targetLabel: 'Male',
          equivalence: 'equivalent',
          status: 'approved',
        },
      ],
    });
  });

  it('rejects an unknown equivalence naming line and field', async () => {
    const e = await failure(
      readPackCrosswalks(file('cw-bad.csv', `${cwHeader}\ngender,M,Male,1,Male,same,approved\n`)),
    );
    expect(e).toMatchObject({ code: 'FERRY_ERR_CROSSWALK_INVALID', context: { line: 2, field: 'equivalence' } });
  });
});
