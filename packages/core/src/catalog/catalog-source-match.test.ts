import { expect, it } from 'vitest';
import type { Catalog } from './catalog-model.js';
import { matchSourceToCatalog } from './catalog-source-match.js';

const column = (name: string) => ({
  name,
  dataType: 'string' as const,
  nullable: true,
  primaryKey: false,
  description: '',
});
const catalog: Catalog = {
  version: 1,
  name: 'pas',
  tables: [
    { name: 'PATIENT', inScope: true, columns: [column('PAT_ID'), column('SURNAME'), column('SEX')] },
    { name: 'REFERRAL', inScope: true, columns: [column('REF_ID')] },
    { name: 'SYS_LOG', inScope: false, columns: [column('ID')] },
  ],
};

it('names missing in-scope tables, missing columns and tables the catalog does not know, ignoring case', () => {
  expect(
    matchSourceToCatalog(catalog, [
      { name: 'patient', columns: ['pat_id', ' SURNAME '] },
      { name: 'WARD', columns: ['WARD_ID'] },
    ]),
  ).toEqual({
    missingTables: ['REFERRAL'],
    extraTables: ['WARD'],
    missingColumns: [{ table: 'PATIENT', columns: ['SEX'] }],
    matchedTables: 1,
  });
  expect(
    matchSourceToCatalog(catalog, [
      { name: 'PATIENT', columns: ['PAT_ID', 'SURNAME', 'SEX', 'EXTRA'] },
      { name: 'REFERRAL', columns: ['REF_ID'] },
      { name: 'SYS_LOG', columns: [] },
    ]),
  ).toEqual({ missingTables: [], extraTables: [], missingColumns: [], matchedTables: 2 });
});
