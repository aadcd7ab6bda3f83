import { describe, expect, it } from 'vitest';
import { nameConcepts, nameTokens, splitName, TokenVocabulary } from './name-tokens.js';
import { stemWord } from './word-stem.js';

const vocabulary = new TokenVocabulary(['LOAD_PMI', 'CASENOTE_ID', 'PATHWAY_ID', 'ADDR_TYPE']);

describe('splitName', () => {
  it('splits at underscores, camelCase and digits', () => {
    expect(splitName('addressLine1')).toEqual(['ADDRESS', 'LINE', '1']);
    expect(splitName('ADDR1')).toEqual(['ADDR', '1']);
    expect(splitName('PAT_GP_REG')).toEqual(['PAT', 'GP', 'REG']);
    expect(splitName('dbo.Patient')).toEqual(['DBO', 'PATIENT']);
  });
});

describe('stemWord', () => {
  it('maps related forms to one stem', () => {
    expect(stemWord('ADMISSIONS')).toBe('ADMISSION');
    expect(stemWord('CREATED')).toBe(stemWord('CREATE'));
    expect(stemWord('SPECIALTIES')).toBe('SPECIALTY');
    expect(stemWord('ADDRESS')).toBe('ADDRESS');
    expect(stemWord('STATUS')).toBe('STATUS');
  });
});

describe('nameTokens', () => {
  it('expands legacy abbreviations and marks them', () => {
    const tokens = nameTokens('DOB', vocabulary);
    expect(tokens).toEqual([{ raw: 'DOB', concepts: ['DAT', 'BIRTH'], abbreviation: true }]);
    expect(nameConcepts('DATE_OF_BIRTH', vocabulary)).toEqual(['DAT', 'BIRTH']);
  });

  it('unifies synonyms on both sides', () => {
    expect(nameConcepts('SEX', vocabulary)).toEqual(nameConcepts('GENDER', vocabulary));
    expect(nameConcepts('UPDATED_BY', vocabulary)).toEqual(nameConcepts('MODIF_USER', vocabulary));
    expect(nameConcepts('HOME_TEL', vocabulary)).toEqual(nameConcepts('HOME_PHONE', vocabulary));
  });

  it('segments run-together names into known words', () => {
    expect(vocabulary.segment('LOADPMI')).toEqual(['LOAD', 'PMI']);
    expect(vocabulary.segment('PMIADDRS')).toEqual(['PMI', 'ADDRS']);
    expect(vocabulary.segment('CASENOTELOCS')).toEqual(['CASENOTE', 'LOCS']);
    expect(vocabulary.segment('LOADPATH')).toEqual(['LOAD', 'PATH']);
    expect(vocabulary.segment('PATIENT')).toEqual(['PATIENT']);
    expect(vocabulary.segment('XQZW')).toEqual(['XQZW']);
    expect(nameConcepts('LOAD_PMIADDRS', vocabulary)).toEqual(['LOAD', 'PATIENT', 'MASTER', 'INDEX', 'ADDRESS']);
  });

  it('keeps digits as their own tokens', () => {
    expect(nameConcepts('ADDRESS_LINE1', vocabulary)).toEqual(['ADDRESS', 'LIN', '1']);
    expect(nameConcepts('ADDR1', vocabulary)).toEqual(['ADDRESS', '1']);
  });
});
