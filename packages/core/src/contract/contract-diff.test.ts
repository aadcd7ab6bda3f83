import { describe, expect, it } from 'vitest';
import { editRows } from './contract-bulk-edit.js';
import { diffContracts } from './contract-diff.js';
import { readContractFile } from './contract-file.js';
import { contractHash } from './contract-hash.js';
import { reviewRows } from './contract-review.js';
import { nhsPasContractPath, smallContract } from './contract-test-fixture.js';

describe('diffContracts', () => {
  it('finds nothing between a contract and itself', async () => {
    const c = await readContractFile(nhsPasContractPath);
    const d = diffContracts(c, structuredClone(c));
    expect(d.counts).toEqual({
      rowsAdded: 0,
      rowsRemoved: 0,
      rowsChanged: 0,
      tablesAdded: 0,
      tablesRemoved: 0,
      tablesChanged: 0,
    });
    expect(d.contract).toEqual([]);
    expect(d.from).toBe(d.to);
  });

  it('lists added, removed and changed rows with each changed attribute before and after', () => {
    const a = smallContract();
    let b = reviewRows(a, { column: 'SEX' }, { status: 'approved', reviewer: 'B. Lead', at: '2026-03-02' }).contract;
    b = editRows(b, { column: 'FULL_NAME' }, { transform: ['trim'], owner: 'PMI team' }).contract;
    b = structuredClone(b);
    b.label = '0.2.0';
    b.tables[0]!.fields = b.tables[0]!.fields.filter((f) => f.target !== 'SYSTEM_CODE');
    b.tables[0]!.fields.push({
      ...b.tables[0]!.fields[0]!,
      target: 'NHS_NUMBER',
      source: ['NHS_NO'],
      transform: ['nhs_number'],
    });
    b.tables[0]!.fields[3]!.defaults = { development: '99' };
    b.tables[1]!.domain = 'RTT';

    const d = diffContracts(a, b);
    expect(d.from).toBe(contractHash(a));
    expect(d.to).toBe(contractHash(b));
    expect(d.contract).toEqual([{ attribute: 'label', before: '0.1.0', after: '0.2.0' }]);
    expect(d.tables).toEqual({
      added: [],
      removed: [],
      changed: [{ table: 'LOAD_REFERRALS', changes: [{ attribute: 'domain', before: 'REF', after: 'RTT' }] }],
    });
    expect(d.rows.added.map((r) => [r.table, r.column, r.row.source])).toEqual([
      ['LOAD_PMI', 'NHS_NUMBER', ['NHS_NO']],
    ]);
    expect(d.rows.removed.map((r) => [r.table, r.column, r.row.constant])).toEqual([
      ['LOAD_PMI', 'SYSTEM_CODE', 'LEGPAS'],
    ]);
    expect(d.rows.changed).toEqual([
      {
        table: 'LOAD_PMI',
        column: 'SEX',
        changes: [
          { attribute: 'status', before: 'reviewed', after: 'approved' },
          { attribute: 'reviewer', before: 'A. Analyst', after: 'B. Lead' },
          { attribute: 'reviewedAt', before: '2026-01-10T09:00:00Z', after: '2026-03-02' },
        ],
      },
      {
        table: 'LOAD_PMI',
        column: 'FULL_NAME',
        changes: [
          { attribute: 'transform', before: ['title_case'], after: ['trim'] },
          { attribute: 'owner', before: null, after: 'PMI team' },
        ],
      },
      {
        table: 'LOAD_PMI',
        column: 'ETHNIC_CATEGORY',
        changes: [{ attribute: 'defaults.pre_production', before: 'Z', after: null }],
      },
    ]);
    expect(d.counts).toEqual({
      rowsAdded: 1,
      rowsRemoved: 1,
      rowsChanged: 3,
      tablesAdded: 0,
      tablesRemoved: 0,
      tablesChanged: 1,
    });
  });

  it('reports a declared source date format as a row change', () => {
    const a = smallContract();
    const b = structuredClone(a);
    b.tables[0]!.fields[1]!.sourceFormat = ['mm/dd/yyyy'];
    const d = diffContracts(a, b);
    expect(d.rows.changed).toEqual([
      {
        table: a.tables[0]!.target,
        column: a.tables[0]!.fields[1]!.target,
        changes: [{ attribute: 'sourceFormat', before: null, after: ['mm/dd/yyyy'] }],
      },
    ]);
  });

  it('reports tables added and removed with their rows, and moves in the load order', () => {
    const a = smallContract();
    const b = structuredClone(a);
    b.tables.reverse();
    b.tables[1]!.fields.reverse();
    const moved = diffContracts(a, b);
    expect(moved.tables.changed).toEqual([
      { table: 'LOAD_REFERRALS', changes: [{ attribute: 'position', before: 2, after: 1 }] },
      {
        table: 'LOAD_PMI',
        changes: [
          { attribute: 'position', before: 1, after: 2 },
          {
            attribute: 'fieldOrder',
            before: ['RECORD_NUMBER', 'SEX', 'FULL_NAME', 'SYSTEM_CODE', 'ETHNIC_CATEGORY'],
            after: ['ETHNIC_CATEGORY', 'SYSTEM_CODE', 'FULL_NAME', 'SEX', 'RECORD_NUMBER'],
          },
        ],
      },
    ]);
    const c = { ...a, tables: [a.tables[0]!, { ...a.tables[1]!, target: 'LOAD_REFERRALS_V2' }] };
    const d = diffContracts(a, c);
    expect(d.tables.added).toEqual(['LOAD_REFERRALS_V2']);
    expect(d.tables.removed).toEqual(['LOAD_REFERRALS']);
    expect(d.counts).toMatchObject({ rowsAdded: 2, rowsRemoved: 2, rowsChanged: 0 });
  });
});
