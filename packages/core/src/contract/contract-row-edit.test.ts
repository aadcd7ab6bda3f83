import { describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { contractHash } from './contract-hash.js';
import { addRow, editRow, removeRow } from './contract-row-edit.js';
import { smallContract } from './contract-test-fixture.js';

function errorOf(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

const field = (c: ReturnType<typeof smallContract>, table: string, column: string) =>
  c.tables.find((t) => t.target === table)!.fields.find((f) => f.target === column);

describe('editRow', () => {
  it('changes the source and transform of one row and reopens its review', () => {
    const c = smallContract();
    const r = editRow(c, { table: 'LOAD_PMI', column: 'SEX' }, { source: [' GENDER '], transform: ['trim'] });
    expect(r).toMatchObject({ changed: true, reopened: true, row: { table: 'LOAD_PMI', column: 'SEX' } });
    const sex = field(r.contract, 'LOAD_PMI', 'SEX')!;
    expect(sex).toMatchObject({ source: ['GENDER'], transform: ['trim'], status: 'draft', owner: 'PMI team' });
    expect(sex.reviewer).toBeUndefined();
    expect(sex.reviewedAt).toBeUndefined();
    // The input is not changed.
    expect(field(c, 'LOAD_PMI', 'SEX')).toMatchObject({ source: ['SEX'], status: 'reviewed' });
  });

  it('keeps the review when only the owner or notes change', () => {
    const r = editRow(smallContract(), { table: 'LOAD_PMI', column: 'SEX' }, { owner: 'Data team', notes: 'checked' });
    expect(r).toMatchObject({ changed: true, reopened: false });
    expect(field(r.contract, 'LOAD_PMI', 'SEX')).toMatchObject({
      status: 'reviewed',
      reviewer: 'A. Analyst',
      owner: 'Data team',
      notes: 'checked',
    });
  });

  it('sets and clears constants, defaults and optional attributes', () => {
    const c = smallContract();
    const a = editRow(
      c,
      { table: 'LOAD_PMI', column: 'ETHNIC_CATEGORY' },
      {
        defaults: { development: null, pre_production: 'X' },
        crosswalk: null,
        onInvalid: 'reject',
      },
    );
    expect(field(a.contract, 'LOAD_PMI', 'ETHNIC_CATEGORY')).toEqual({
      target: 'ETHNIC_CATEGORY',
      source: ['ETHNIC'],
      combine: 'coalesce',
      separator: ' ',
      transform: [],
      mandatory: false,
      onInvalid: 'reject',
      defaults: { pre_production: 'X' },
      status: 'draft',
    });
    const b = editRow(c, { table: 'LOAD_PMI', column: 'SYSTEM_CODE' }, { constant: 'NEWPAS' });
    expect(field(b.contract, 'LOAD_PMI', 'SYSTEM_CODE')?.constant).toBe('NEWPAS');
    const d = editRow(b.contract, { table: 'LOAD_PMI', column: 'SYSTEM_CODE' }, { constant: null, source: ['SYS'] });
    expect(field(d.contract, 'LOAD_PMI', 'SYSTEM_CODE')).toMatchObject({ source: ['SYS'] });
    expect(field(d.contract, 'LOAD_PMI', 'SYSTEM_CODE')?.constant).toBeUndefined();
  });

  it('reports no change, and keeps the hash, when the patch sets what is already there', () => {
    const c = smallContract();
    const r = editRow(c, { table: 'LOAD_PMI', column: 'SEX' }, { source: ['SEX'], transform: ['trim', 'upper'] });
    expect(r).toMatchObject({ changed: false, reopened: false });
    expect(contractHash(r.contract)).toBe(contractHash(c));
  });

  it('refuses unknown steps, blank or repeated sources, a source with a constant, unknown rows and a lock', () => {
    const c = smallContract();
    const sex = { table: 'LOAD_PMI', column: 'SEX' };
    const step = errorOf(() => editRow(c, sex, { transform: ['trim', 'shout'] }));
    expect(step).toMatchObject({ code: 'FERRY_ERR_CONTRACT_INVALID', context: { field: 'transform', key: 'SEX' } });
    expect(step.message).toBe('LOAD_PMI.SEX: unknown transform step: shout');
    expect(step.issues).toEqual([
      { table: 'LOAD_PMI', column: 'SEX', field: 'transform', message: 'unknown transform step: shout' },
    ]);
    expect(errorOf(() => editRow(c, sex, { source: ['A', 'A'] })).message).toBe(
      'LOAD_PMI.SEX: a source column is named twice',
    );
    expect(errorOf(() => editRow(c, sex, { source: [' '] })).context.field).toBe('source');
    expect(errorOf(() => editRow(c, sex, { constant: 'M' })).context.field).toBe('constant');
    expect(errorOf(() => editRow(c, { table: 'LOAD_PMI', column: 'NOPE' }, {})).code).toBe('FERRY_ERR_NOT_FOUND');
    expect(errorOf(() => editRow(c, { table: 'NOPE', column: 'SEX' }, {})).code).toBe('FERRY_ERR_NOT_FOUND');
    expect(errorOf(() => editRow({ ...c, locked: true }, sex, { notes: 'x' })).code).toBe('FERRY_ERR_CONTRACT_LOCKED');
  });
});

describe('addRow and removeRow', () => {
  it('adds a draft row after a named row, or at the end', () => {
    const c = smallContract();
    const a = addRow(c, 'LOAD_PMI', { target: 'KNOWN_AS', source: ['ALIAS'], transform: ['trim'] }, { after: 'SEX' });
    expect(a.contract.tables[0]!.fields.map((f) => f.target)).toEqual([
      'RECORD_NUMBER',
      'SEX',
      'KNOWN_AS',
      'FULL_NAME',
      'SYSTEM_CODE',
      'ETHNIC_CATEGORY',
    ]);
    expect(field(a.contract, 'LOAD_PMI', 'KNOWN_AS')).toMatchObject({ status: 'draft', source: ['ALIAS'] });
    const b = addRow(c, 'LOAD_REFERRALS', { target: 'SOURCE', constant: 'GP', defaults: { development: 'X' } });
    expect(b.contract.tables[1]!.fields.at(-1)).toMatchObject({
      target: 'SOURCE',
      constant: 'GP',
      defaults: { development: 'X' },
    });
  });

  it('refuses a row the table already has, an unknown table or anchor, and a locked contract', () => {
    const c = smallContract();
    expect(errorOf(() => addRow(c, 'LOAD_PMI', { target: 'SEX' })).message).toBe(
      'LOAD_PMI.SEX: the table already has this row',
    );
    expect(errorOf(() => addRow(c, 'NOPE', { target: 'X' })).code).toBe('FERRY_ERR_NOT_FOUND');
    expect(errorOf(() => addRow(c, 'LOAD_PMI', { target: 'X' }, { after: 'NOPE' })).code).toBe('FERRY_ERR_NOT_FOUND');
    expect(errorOf(() => addRow(c, 'LOAD_PMI', { target: ' ' })).context.field).toBe('target');
    expect(errorOf(() => addRow({ ...c, locked: true }, 'LOAD_PMI', { target: 'X' })).code).toBe(
      'FERRY_ERR_CONTRACT_LOCKED',
    );
  });

  it('removes a row, but never the target key, a parent link or the last row of a table', () => {
    const c = smallContract();
    const r = removeRow(c, { table: 'LOAD_PMI', column: 'FULL_NAME' });
    expect(r.contract.tables[0]!.fields.map((f) => f.target)).toEqual([
      'RECORD_NUMBER',
      'SEX',
      'SYSTEM_CODE',
      'ETHNIC_CATEGORY',
    ]);
    expect(errorOf(() => removeRow(c, { table: 'LOAD_PMI', column: 'RECORD_NUMBER' })).message).toMatch(
      /target key \(RECORD_NUMBER\)/,
    );
    expect(errorOf(() => removeRow(c, { table: 'LOAD_REFERRALS', column: 'PMI_RECORD_NUMBER' })).message).toBe(
      'LOAD_REFERRALS.PMI_RECORD_NUMBER: it links the table to its parent LOAD_PMI',
    );
    expect(errorOf(() => removeRow(c, { table: 'LOAD_PMI', column: 'NOPE' })).code).toBe('FERRY_ERR_NOT_FOUND');
    expect(errorOf(() => removeRow({ ...c, locked: true }, { table: 'LOAD_PMI', column: 'SEX' })).code).toBe(
      'FERRY_ERR_CONTRACT_LOCKED',
    );
  });
});
