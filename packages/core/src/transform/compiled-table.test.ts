import { describe, expect, it } from 'vitest';
import type { CatalogTable } from '../catalog/catalog-model.js';
import { type ContractTable, contractTableSchema } from '../contract/contract-model.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { CompiledTable, type MappedRow } from './compiled-table.js';

const target: CatalogTable = {
  name: 'LOAD_PMI',
  inScope: true,
  columns: [
    { name: 'RECORD_NUMBER', dataType: 'integer', nullable: false, primaryKey: true, description: '' },
    { name: 'SYSTEM_CODE', dataType: 'string', maxLength: 10, nullable: false, primaryKey: false, description: '' },
    { name: 'SURNAME', dataType: 'string', maxLength: 35, nullable: false, primaryKey: false, description: '' },
    { name: 'GENDER', dataType: 'code', maxLength: 1, nullable: false, primaryKey: false, description: '' },
    { name: 'ETHNIC_CATEGORY', dataType: 'code', maxLength: 2, nullable: true, primaryKey: false, description: '' },
    { name: 'DATE_OF_BIRTH', dataType: 'date', nullable: false, primaryKey: false, description: '' },
    { name: 'COMMENTS', dataType: 'string', nullable: true, primaryKey: false, description: '' },
  ],
};

const table: ContractTable = contractTableSchema.parse({
  target: 'LOAD_PMI',
  source: 'PATIENT',
  sourceKey: ['PAT_ID'],
  domain: 'PMI',
  outOfScope: { column: 'REC_STATUS', outOfScopeValues: ['D'], reason: 'deleted in legacy' },
  fields: [
    { target: 'RECORD_NUMBER', source: ['PAT_ID'], transform: ['integer'], mandatory: true, status: 'approved' },
    { target: 'SYSTEM_CODE', constant: 'LEGPAS', mandatory: true, status: 'approved' },
    { target: 'SURNAME', source: ['SURNAME'], transform: ['trim', 'title_case'], mandatory: true, status: 'approved' },
    {
      target: 'GENDER',
      source: ['SEX'],
      transform: ['trim', 'upper'],
      crosswalk: 'gender',
      mandatory: true,
      status: 'approved',
    },
    {
      target: 'ETHNIC_CATEGORY',
      source: ['ETHNIC'],
      crosswalk: 'ethnic_category',
      defaults: { development: '99' },
      status: 'approved',
    },
    { target: 'DATE_OF_BIRTH', source: ['DOB'], transform: ['date'], mandatory: true, status: 'approved' },
  ],
});

const crosswalks = new CrosswalkIndex({
  version: 1,
  entries: [
    {
      codeType: 'gender',
      sourceCode: 'M',
      targetCode: '1',
      sourceLabel: '',
      targetLabel: '',
      equivalence: 'equal',
      status: 'approved',
    },
    {
      codeType: 'gender',
      sourceCode: 'F',
      targetCode: '2',
      sourceLabel: '',
      targetLabel: '',
      equivalence: 'equal',
      status: 'approved',
    },
    {
      codeType: 'gender',
      sourceCode: 'U',
      targetCode: 'X',
      sourceLabel: '',
      targetLabel: '',
      equivalence: 'equal',
      status: 'draft',
    },
    {
      codeType: 'ethnic_category',
      sourceCode: 'WBR',
      targetCode: 'A',
      sourceLabel: '',
      targetLabel: '',
      equivalence: 'equal',
      status: 'approved',
    },
  ],
});

const header = ['PAT_ID', 'SURNAME', 'SEX', 'ETHNIC', 'DOB', 'REC_STATUS'];
const compile = (releaseProfile: 'development' | 'pre_production' | 'cutover_ready', dobFormat = ['dd/mm/yyyy']) =>
  new CompiledTable(table, {
    sourceHeader: header,
    targetTable: target,
    crosswalks,
    releaseProfile,
    dateFormats: { DATE_OF_BIRTH: dobFormat },
  });

/** The DATE_OF_BIRTH of a loaded row. */
const dob = (r: MappedRow) => (r.status === 'loaded' ? r.values[5] : r.status);

describe('CompiledTable', () => {
  it('maps a good row into target column order, blank for unmapped columns', () => {
    expect(compile('pre_production').map(['0042', "O'BRIEN ", 'f', 'WBR', '03/02/1961', 'A'])).toEqual({
      status: 'loaded',
      key: '0042',
      values: ['42', 'LEGPAS', "O'Brien", '2', 'A', '1961-02-03', ''],
    });
  });

  it('rejects with every problem named by reason and field', () => {
    const r = compile('pre_production').map(['7', '', 'U', 'XXX', '31/02/1961', 'A']);
    expect(r).toEqual({
      status: 'rejected',
      key: '7',
      problems: [
        { reasonCode: 'MISSING_MANDATORY', field: 'SURNAME', message: 'mandatory field is blank' },
        { reasonCode: 'CROSSWALK_MISS', field: 'GENDER', message: 'no approved gender crosswalk entry' },
        {
          reasonCode: 'CROSSWALK_MISS',
          field: 'ETHNIC_CATEGORY',
          message: 'no approved ethnic_category crosswalk entry',
        },
        {
          reasonCode: 'INVALID_VALUE',
          field: 'DATE_OF_BIRTH',
          message: 'DOB is not a real date or time (format dd/mm/yyyy)',
        },
      ],
    });
  });

  it('fills documented defaults at development only', () => {
    const row = ['1', 'SMITH', 'M', '', '01/01/2000', 'A'];
    expect(compile('development').map(row)).toMatchObject({
      values: ['1', 'LEGPAS', 'Smith', '1', '99', '2000-01-01', ''],
    });
    expect(compile('cutover_ready').map(row)).toMatchObject({
      values: ['1', 'LEGPAS', 'Smith', '1', '', '2000-01-01', ''],
    });
  });

  it('counts rows matching the scope filter as out of scope', () => {
    expect(compile('development').map(['9', 'X', 'M', '', '01/01/2000', 'D'])).toEqual({
      status: 'out_of_scope',
      key: '9',
    });
  });

  it('reads dates in the column format only: another layout is a DATE_FORMAT_MISMATCH reject', () => {
    const us = compile('pre_production', ['mm/dd/yyyy']);
    expect(dob(us.map(['1', 'SMITH', 'M', 'WBR', '03/14/1961', 'A']))).toBe('1961-03-14');
    // 03/02/1961 is 2 March in a US column, never 3 February.
    expect(dob(us.map(['1', 'SMITH', 'M', 'WBR', '03/02/1961', 'A']))).toBe('1961-03-02');
    expect(us.map(['1', 'SMITH', 'M', 'WBR', '1961-03-14', 'A'])).toEqual({
      status: 'rejected',
      key: '1',
      problems: [
        {
          reasonCode: 'DATE_FORMAT_MISMATCH',
          field: 'DATE_OF_BIRTH',
          message: 'DOB is not in the date format mm/dd/yyyy',
        },
      ],
    });
    // A UK column refuses what is no real date in it (14th month) as INVALID_VALUE: the layout fits, the date does not.
    expect(compile('pre_production').map(['1', 'SMITH', 'M', 'WBR', '03/14/1961', 'A'])).toMatchObject({
      problems: [{ reasonCode: 'INVALID_VALUE', message: 'DOB is not a real date or time (format dd/mm/yyyy)' }],
    });
  });

  it('uses a declared source_format over a decided one, and refuses when neither or when they conflict', () => {
    const declared = contractTableSchema.parse({
      ...table,
      fields: table.fields.map((f) => (f.target === 'DATE_OF_BIRTH' ? { ...f, sourceFormat: ['yyyymmdd'] } : f)),
    });
    const ctx = { sourceHeader: header, targetTable: target, crosswalks, releaseProfile: 'development' as const };
    const compiled = new CompiledTable(declared, { ...ctx, dateFormats: { DATE_OF_BIRTH: ['dd/mm/yyyy'] } });
    expect(dob(compiled.map(['1', 'SMITH', 'M', 'WBR', '19610214', 'A']))).toBe('1961-02-14');
    expect(() => new CompiledTable(table, ctx)).toThrow(
      'The date format of PATIENT.DOB (mapped to LOAD_PMI.DATE_OF_BIRTH) is not decided: declare its source_format in the contract row, or let the load decide it from the whole column',
    );
    const clash = contractTableSchema.parse({
      ...table,
      fields: table.fields.map((f) =>
        f.target === 'DATE_OF_BIRTH' ? { ...f, sourceFormat: ['dd/mm/yyyy', 'mm/dd/yyyy'] } : f,
      ),
    });
    expect(() => new CompiledTable(clash, ctx)).toThrow(
      'The source_format of PATIENT.DOB (mapped to LOAD_PMI.DATE_OF_BIRTH) lists dd/mm/yyyy and mm/dd/yyyy, which read some dates differently: choose one',
    );
  });

  it('refuses a contract naming a source column the file does not have', () => {
    expect(
      () =>
        new CompiledTable(table, {
          sourceHeader: ['PAT_ID'],
          targetTable: target,
          crosswalks,
          releaseProfile: 'development',
        }),
    ).toThrow(/PATIENT.SURNAME/);
  });
});
