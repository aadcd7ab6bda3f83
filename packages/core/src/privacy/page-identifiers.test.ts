import { describe, expect, it } from 'vitest';
import { KeyedMask } from './keyed-mask.js';
import { maskPageRows, pageIdentifierColumns } from './page-identifiers.js';

const columns = ['PAT_ID', 'NHS', 'SURNAME', 'SEX', 'CONTACT', 'BORN_ON'];
const rows = [
  ['1', '943 476 5919', 'Smith', 'M', 'a@b.org', '01/02/1960'],
  ['2', '9434765870', 'Jones', 'F', 'c@d.org', null],
  ['3', '9434765919', 'Smith', 'M', 'e@f.org', '03/04/1971'],
];

describe('pageIdentifierColumns', () => {
  it('finds identifiers by shape and name, and takes declared ones as declared', () => {
    expect(pageIdentifierColumns(columns, rows, (c) => (c === 'BORN_ON' ? 'date_of_birth' : undefined))).toEqual([
      { column: 'NHS', kind: 'nhs_number', from: 'guessed' },
      { column: 'SURNAME', kind: 'name', from: 'guessed' },
      { column: 'CONTACT', kind: 'email', from: 'guessed' },
      { column: 'BORN_ON', kind: 'date_of_birth', from: 'declared' },
    ]);
  });
});

describe('maskPageRows', () => {
  it('masks the identifier columns consistently and keeps the others and nulls', () => {
    const mask = new KeyedMask('a key of sixteen bytes or more');
    const ids = pageIdentifierColumns(columns, rows);
    const out = maskPageRows(columns, rows, ids, mask);
    expect(out.map((r) => [r[0], r[3]])).toEqual([
      ['1', 'M'],
      ['2', 'F'],
      ['3', 'M'],
    ]);
    expect(out[0]![2]).toBe(out[2]![2]);
    expect(out[0]![2]).not.toBe(out[1]![2]);
    expect(out[0]![2]).toMatch(/^ID-/);
    expect(out[0]![1]).toBe(mask.mask('943 476 5919'));
    expect(JSON.stringify(out)).not.toMatch(/Smith|Jones|9434765|a@b/);
  });
});
