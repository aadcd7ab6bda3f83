import { describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { editRows } from './contract-bulk-edit.js';
import { reviewRows } from './contract-review.js';
import { selectContractRows } from './contract-row-filter.js';
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

const refs = (list: Array<{ table: string; column: string }>) => list.map((r) => `${r.table}.${r.column}`);

describe('selectContractRows', () => {
  it('filters by table, column, status, domain, owner, mandatory and text', () => {
    const c = smallContract();
    expect(refs(selectContractRows(c, { table: 'load_pmi', status: 'draft' }))).toEqual([
      'LOAD_PMI.FULL_NAME',
      'LOAD_PMI.SYSTEM_CODE',
      'LOAD_PMI.ETHNIC_CATEGORY',
    ]);
    expect(refs(selectContractRows(c, { table: 'REFERRAL' }))).toEqual([
      'LOAD_REFERRALS.RECORD_NUMBER',
      'LOAD_REFERRALS.PMI_RECORD_NUMBER',
    ]);
    expect(refs(selectContractRows(c, { column: '*RECORD_NUMBER', mandatory: true }))).toEqual([
      'LOAD_PMI.RECORD_NUMBER',
      'LOAD_REFERRALS.PMI_RECORD_NUMBER',
    ]);
    expect(refs(selectContractRows(c, { column: 'SURNAME' }))).toEqual(['LOAD_PMI.FULL_NAME']);
    expect(refs(selectContractRows(c, { status: ['approved', 'rejected'] }))).toEqual([
      'LOAD_PMI.RECORD_NUMBER',
      'LOAD_REFERRALS.RECORD_NUMBER',
    ]);
    expect(refs(selectContractRows(c, { domain: 'ref' }))).toHaveLength(2);
    expect(refs(selectContractRows(c, { owner: 'pmi team' }))).toEqual(['LOAD_PMI.SEX']);
    expect(refs(selectContractRows(c, { owner: '', domain: 'PMI' }))).toHaveLength(4);
    expect(refs(selectContractRows(c, { text: 'ethnic' }))).toEqual(['LOAD_PMI.ETHNIC_CATEGORY']);
    expect(refs(selectContractRows(c, { text: 'as shown' }))).toEqual(['LOAD_PMI.FULL_NAME']);
    // Names read with spaces for underscores; who reviewed or owns a row is not searched (owner has its own filter).
    expect(refs(selectContractRows(c, { text: ' ethnic category ' }))).toEqual(['LOAD_PMI.ETHNIC_CATEGORY']);
    expect(refs(selectContractRows(c, { text: 'pmi record number' }))).toEqual(['LOAD_REFERRALS.PMI_RECORD_NUMBER']);
    expect(refs(selectContractRows(c, { text: 'Analyst' }))).toEqual([]);
    expect(refs(selectContractRows(c, { text: 'PMI team' }))).toEqual([]);
    expect(selectContractRows(c, {})).toHaveLength(7);
  });
});

describe('reviewRows', () => {
  const who = { reviewer: 'B. Lead', at: '2026-03-02T09:00:00Z' };

  it('moves draft rows to reviewed, then approved, recording who and when; rows already there are unchanged', () => {
    const c = smallContract();
    const reviewed = reviewRows(c, { status: 'draft', domain: 'PMI' }, { status: 'reviewed', ...who });
    expect(refs(reviewed.changed)).toEqual(['LOAD_PMI.FULL_NAME', 'LOAD_PMI.SYSTEM_CODE', 'LOAD_PMI.ETHNIC_CATEGORY']);
    expect(reviewed.unchanged).toEqual([]);
    expect(reviewed.contract.tables[0]!.fields[2]).toMatchObject({
      status: 'reviewed',
      reviewer: 'B. Lead',
      reviewedAt: '2026-03-02T09:00:00Z',
    });
    // The input is not changed.
    expect(c.tables[0]!.fields[2]!.status).toBe('draft');

    const approved = reviewRows(
      reviewed.contract,
      { domain: 'PMI', status: ['reviewed', 'approved'] },
      { status: 'approved', reviewer: 'C. Safety', at: '2026-03-03' },
    );
    expect(refs(approved.changed)).toEqual([
      'LOAD_PMI.SEX',
      'LOAD_PMI.FULL_NAME',
      'LOAD_PMI.SYSTEM_CODE',
      'LOAD_PMI.ETHNIC_CATEGORY',
    ]);
    expect(refs(approved.unchanged)).toEqual(['LOAD_PMI.RECORD_NUMBER']);
    expect(approved.contract.tables[0]!.fields.map((f) => [f.status, f.reviewer, f.reviewedAt])).toEqual([
      ['approved', 'A. Analyst', '2026-01-10'],
      ['approved', 'C. Safety', '2026-03-03'],
      ['approved', 'C. Safety', '2026-03-03'],
      ['approved', 'C. Safety', '2026-03-03'],
      ['approved', 'C. Safety', '2026-03-03'],
    ]);
  });

  it('refuses a move the workflow does not allow, changing nothing, and names the rows', () => {
    const e = errorOf(() => reviewRows(smallContract(), { table: 'LOAD_REFERRALS' }, { status: 'approved', ...who }));
    expect(e.code).toBe('FERRY_ERR_REVIEW_TRANSITION');
    expect(e.message).toBe(
      [
        '2 selected rows cannot move to approved; nothing was changed:',
        '  LOAD_REFERRALS.RECORD_NUMBER is rejected (rejected may move to draft)',
        '  LOAD_REFERRALS.PMI_RECORD_NUMBER is draft (draft may move to reviewed)',
      ].join('\n'),
    );
  });

  it('reopens rows to draft, clearing reviewer and time; other statuses need a reviewer and an ISO time', () => {
    const reopened = reviewRows(smallContract(), { status: 'rejected' }, { status: 'draft' });
    expect(reopened.contract.tables[1]!.fields[0]).not.toHaveProperty('reviewer');
    expect(reopened.contract.tables[1]!.fields[0]).not.toHaveProperty('reviewedAt');
    expect(reopened.contract.tables[1]!.fields[0]!.status).toBe('draft');
    expect(errorOf(() => reviewRows(smallContract(), {}, { status: 'reviewed', at: '2026-03-02' })).message).toBe(
      'marking rows reviewed needs a reviewer',
    );
    expect(
      errorOf(() => reviewRows(smallContract(), {}, { status: 'reviewed', reviewer: 'X', at: '02/03/2026' })).message,
    ).toBe("marking rows reviewed needs the time as an ISO date or date-time, got '02/03/2026'");
  });
});

describe('editRows', () => {
  it('sets the owner of a filtered set without touching statuses', () => {
    const r = editRows(smallContract(), { domain: 'PMI' }, { owner: 'PMI team' });
    expect(refs(r.changed)).toEqual([
      'LOAD_PMI.RECORD_NUMBER',
      'LOAD_PMI.FULL_NAME',
      'LOAD_PMI.SYSTEM_CODE',
      'LOAD_PMI.ETHNIC_CATEGORY',
    ]);
    expect(refs(r.unchanged)).toEqual(['LOAD_PMI.SEX']);
    expect(r.reopened).toEqual([]);
    expect(r.contract.tables[0]!.fields.map((f) => [f.owner, f.status])).toEqual([
      ['PMI team', 'approved'],
      ['PMI team', 'reviewed'],
      ['PMI team', 'draft'],
      ['PMI team', 'draft'],
      ['PMI team', 'draft'],
    ]);
    const cleared = editRows(r.contract, { column: 'SEX' }, { owner: '' });
    expect(cleared.contract.tables[0]!.fields[1]).not.toHaveProperty('owner');
  });

  it('sets a transform and reopens reviewed rows whose transform changed', () => {
    const r = editRows(smallContract(), { column: '*RECORD_NUMBER' }, { transform: ['trim', 'integer'] });
    expect(refs(r.changed)).toEqual([
      'LOAD_PMI.RECORD_NUMBER',
      'LOAD_REFERRALS.RECORD_NUMBER',
      'LOAD_REFERRALS.PMI_RECORD_NUMBER',
    ]);
    expect(refs(r.reopened)).toEqual(['LOAD_PMI.RECORD_NUMBER', 'LOAD_REFERRALS.RECORD_NUMBER']);
    expect(r.contract.tables[0]!.fields[0]).toStrictEqual({
      target: 'RECORD_NUMBER',
      source: ['PAT_ID'],
      combine: 'coalesce',
      separator: ' ',
      transform: ['trim', 'integer'],
      mandatory: true,
      onInvalid: 'reject',
      defaults: {},
      status: 'draft',
    });
    const same = editRows(r.contract, { column: 'RECORD_NUMBER' }, { transform: ['trim', 'integer'] });
    expect(same.changed).toEqual([]);
    const e = errorOf(() => editRows(smallContract(), {}, { transform: ['trim', 'uppercase'] }));
    expect(e.code).toBe('FERRY_ERR_CONTRACT_INVALID');
    expect(e.message).toBe('unknown transform step: uppercase');
    expect(errorOf(() => editRows({ ...smallContract(), locked: true }, {}, { owner: 'X' })).code).toBe(
      'FERRY_ERR_CONTRACT_LOCKED',
    );
  });
});
