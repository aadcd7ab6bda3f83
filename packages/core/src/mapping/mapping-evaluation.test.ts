import { describe, expect, it } from 'vitest';
import { evaluateMapping, goldFromContract } from './mapping-evaluation.js';
import { reviewed, suggestion } from './mapping-fixture.js';

describe('goldFromContract', () => {
  it('keeps single-source fields only (no constants, no unmapped)', () => {
    expect(goldFromContract(reviewed).map((g) => `${g.targetColumn}<-${g.sourceTable}.${g.sourceColumn}`)).toEqual([
      'RECORD_NUMBER<-PAT.PAT_ID',
      'DATE_OF_BIRTH<-PAT.DOB',
      'POSTCODE<-PAT.POST_CD',
      'SURNAME<-PAT.SNAME',
    ]);
  });
});

describe('evaluateMapping', () => {
  it('computes precision, recall and F1 from the best candidates', () => {
    // 4 suggestions (PAT_ID, DOB, SEX, ADDR1); 2 are gold; gold has 4.
    expect(evaluateMapping(suggestion, goldFromContract(reviewed))).toEqual({
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      mapped: 4,
      gold: 4,
      truePositives: 2,
    });
  });

  it('counts a mapping to the right column of the wrong table as wrong, and handles empty gold', () => {
    const gold = [{ sourceTable: 'OTHER', sourceColumn: 'DOB', targetTable: 'PATIENT', targetColumn: 'DATE_OF_BIRTH' }];
    expect(evaluateMapping(suggestion, gold)).toMatchObject({ truePositives: 0, precision: 0, recall: 0, f1: 0 });
    expect(evaluateMapping(suggestion, [])).toMatchObject({ gold: 0, recall: 0, f1: 0 });
  });
});
