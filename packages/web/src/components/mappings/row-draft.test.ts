import { describe, expect, it } from 'vitest';
import type { ContractRow } from '../../api/contract-api';
import { draftOf, rowPatchOf } from './row-draft';

const row: ContractRow = {
  table: 'LOAD_PMI',
  column: 'FULL_NAME',
  sourceTable: 'PATIENT',
  source: ['FORENAME', 'SURNAME'],
  combine: 'join',
  separator: ' ',
  constant: null,
  transform: ['trim'],
  crosswalk: null,
  mandatory: false,
  onInvalid: 'reject',
  defaults: { development: 'UNKNOWN', pre_production: null },
  status: 'approved',
  owner: null,
  reviewer: 'B',
  reviewedAt: '2026-01-01T00:00:00Z',
  notes: null,
  domain: 'PMI',
  lastAuthor: null,
};

describe('rowPatchOf', () => {
  it('is empty when nothing changed', () => {
    expect(rowPatchOf(row, draftOf(row))).toEqual({});
  });

  it('sends only what changed, with null for what was removed', () => {
    const draft = {
      ...draftOf(row),
      source: ['SURNAME', 'FORENAME'],
      separator: ', ',
      transform: ['trim', 'title_case'],
      crosswalk: ' name_type ',
      defaultDevelopment: '',
      defaultPreProduction: 'Z',
      owner: '  PMI team ',
      notes: 'order as on letters',
    };
    expect(rowPatchOf(row, draft)).toEqual({
      source: ['SURNAME', 'FORENAME'],
      separator: ', ',
      transform: ['trim', 'title_case'],
      crosswalk: 'name_type',
      defaults: { development: null, pre_production: 'Z' },
      owner: 'PMI team',
      notes: 'order as on letters',
    });
  });

  it('clears the source when a constant fills the row, and the constant when source columns do', () => {
    expect(rowPatchOf(row, { ...draftOf(row), fill: 'constant', constant: 'LEGPAS' })).toEqual({
      source: [],
      constant: 'LEGPAS',
    });
    const constantRow = { ...row, source: [], constant: 'LEGPAS' };
    expect(rowPatchOf(constantRow, { ...draftOf(constantRow), fill: 'source', source: ['SYS'] })).toEqual({
      source: ['SYS'],
      constant: null,
    });
  });
});
