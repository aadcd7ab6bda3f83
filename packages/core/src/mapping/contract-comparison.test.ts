import { describe, expect, it } from 'vitest';
import { compareToContract } from './contract-comparison.js';
import { reviewed, suggestion } from './mapping-fixture.js';

describe('compareToContract', () => {
  it('lists each field with its kind and counts the kinds', () => {
    const cmp = compareToContract(suggestion, reviewed);
    expect(cmp.fields.map((f) => [f.targetField, f.kind, f.suggestedSource, f.reviewedSource])).toEqual([
      ['RECORD_NUMBER', 'agree', 'PAT.PAT_ID', 'PAT.PAT_ID'],
      ['SYSTEM_CODE', 'agree', undefined, undefined],
      ['DATE_OF_BIRTH', 'agree', 'PAT.DOB', 'PAT.DOB'],
      ['GENDER', 'extra_suggestion', 'PAT.SEX', undefined],
      ['POSTCODE', 'differs', 'PAT.ADDR1', 'PAT.POST_CD'],
      ['SURNAME', 'missing_suggestion', undefined, 'PAT.SNAME'],
    ]);
    expect(cmp.fields[1]!.reviewedConstant).toBe('LEG');
    expect(cmp.fields[4]!.confidence).toBe(0.4);
    expect(cmp.counts).toEqual({ agree: 3, differs: 1, missing_suggestion: 1, extra_suggestion: 1 });
  });

  it('reports suggested fields the contract does not have as extra suggestions', () => {
    const fewer = { ...reviewed, tables: [{ ...reviewed.tables[0]!, fields: reviewed.tables[0]!.fields.slice(0, 3) }] };
    const cmp = compareToContract(suggestion, fewer);
    expect(cmp.counts).toEqual({ agree: 3, differs: 0, missing_suggestion: 0, extra_suggestion: 2 });
    expect(cmp.fields.slice(3).map((f) => f.targetField)).toEqual(['GENDER', 'POSTCODE']);
  });
});
