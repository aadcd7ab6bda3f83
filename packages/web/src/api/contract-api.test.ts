import { describe, expect, it } from 'vitest';
import { filterQuery, safeFileName } from './contract-api';

describe('filterQuery', () => {
  it('sends statuses comma-separated and mandatory as text, and leaves out what is not set', () => {
    expect(filterQuery({ table: 'LOAD_*', status: ['reviewed', 'draft'], mandatory: false })).toEqual({
      table: 'LOAD_*',
      column: undefined,
      status: 'reviewed,draft',
      domain: undefined,
      owner: undefined,
      mandatory: 'false',
      text: undefined,
    });
    expect(filterQuery({ status: [] }).status).toBeUndefined();
  });
});

describe('safeFileName', () => {
  it('keeps a plain name and replaces what the import route does not accept', () => {
    expect(safeFileName('contract (2).csv')).toBe('contract (2).csv');
    expect(safeFileName('../étude;v2.csv')).toBe('..__tude_v2.csv');
    expect(safeFileName('')).toBe('contract.csv');
  });
});
