import { describe, expect, it } from 'vitest';
import { contractHash } from './contract-hash.js';
import { importContractRevision } from './contract-import.js';
import type { ContractField, MappingContract } from './contract-model.js';
import { smallContract } from './contract-test-fixture.js';

const refs = (list: Array<{ table: string; column: string }>) => list.map((r) => `${r.table}.${r.column}`);
const field = (c: MappingContract, table: string, column: string) =>
  c.tables.find((t) => t.target === table)!.fields.find((f) => f.target === column)!;

/** A copy of the small contract with `edit` applied to one field of LOAD_PMI. */
function revised(edit: (fields: ContractField[]) => void): MappingContract {
  const c = structuredClone(smallContract());
  edit(c.tables[0]!.fields);
  return c;
}

describe('importContractRevision', () => {
  it('changes nothing when the import is the current version', () => {
    const c = smallContract();
    const r = importContractRevision(c, structuredClone(c));
    expect(contractHash(r.contract)).toBe(contractHash(c));
    expect([r.added, r.removed, r.changed, r.reopened, r.annotated, r.reviewIgnored]).toEqual([[], [], [], [], [], []]);
  });

  it('makes changed and new rows drafts, keeps the review of unchanged rows, takes owner and notes', () => {
    const current = smallContract();
    const imported = revised((fields) => {
      fields[1]!.source = ['GENDER']; // SEX, reviewed: content changed
      fields[0]!.notes = 'the patient id'; // RECORD_NUMBER, approved: a note only
      fields.push({ ...fields[2]!, target: 'KNOWN_AS', status: 'approved', reviewer: 'Me', reviewedAt: '2026-01-01' });
      fields.splice(3, 1); // SYSTEM_CODE removed
    });
    const r = importContractRevision(current, imported);
    expect(refs(r.changed)).toEqual(['LOAD_PMI.SEX']);
    expect(refs(r.reopened)).toEqual(['LOAD_PMI.SEX']);
    expect(refs(r.added)).toEqual(['LOAD_PMI.KNOWN_AS']);
    expect(refs(r.removed)).toEqual(['LOAD_PMI.SYSTEM_CODE']);
    expect(refs(r.annotated)).toEqual(['LOAD_PMI.RECORD_NUMBER']);
    // SEX (reviewed in the file, draft now) and KNOWN_AS (approved in the file, a new draft).
    expect(refs(r.reviewIgnored)).toEqual(['LOAD_PMI.SEX', 'LOAD_PMI.KNOWN_AS']);
    expect(field(r.contract, 'LOAD_PMI', 'SEX')).toMatchObject({ status: 'draft', source: ['GENDER'] });
    expect(field(r.contract, 'LOAD_PMI', 'SEX').reviewer).toBeUndefined();
    expect(field(r.contract, 'LOAD_PMI', 'KNOWN_AS').status).toBe('draft');
    expect(field(r.contract, 'LOAD_PMI', 'RECORD_NUMBER')).toMatchObject({
      status: 'approved',
      reviewer: 'A. Analyst',
      notes: 'the patient id',
    });
  });

  it('never takes an approval from the file, and reopens every row of a table whose source changed', () => {
    const current = smallContract();
    const approvedInFile = revised((fields) => {
      fields[2]!.status = 'approved';
      fields[2]!.reviewer = 'Someone';
      fields[2]!.reviewedAt = '2026-02-01';
    });
    const a = importContractRevision(current, approvedInFile);
    expect(field(a.contract, 'LOAD_PMI', 'FULL_NAME').status).toBe('draft');
    expect(refs(a.reviewIgnored)).toEqual(['LOAD_PMI.FULL_NAME']);
    expect(contractHash(a.contract)).toBe(contractHash(current));

    const moved = structuredClone(current);
    moved.tables[1]!.source = 'REFERRAL_V2';
    const b = importContractRevision(current, moved);
    expect(refs(b.changed)).toEqual(['LOAD_REFERRALS.RECORD_NUMBER', 'LOAD_REFERRALS.PMI_RECORD_NUMBER']);
    expect(refs(b.reopened)).toEqual(['LOAD_REFERRALS.RECORD_NUMBER']);
    expect(field(b.contract, 'LOAD_REFERRALS', 'RECORD_NUMBER').status).toBe('draft');
  });
});
