import { describe, expect, it } from 'vitest';
import { filterQuery } from './contract-api';

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
