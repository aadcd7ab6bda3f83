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

  it('ends an acronym of two or more capitals where a capitalised word starts', () => {
    expect(splitName('HCPCode')).toEqual(['HCP', 'CODE']);
    expect(splitName('NHSNoStatus')).toEqual(['NHS', 'NO', 'STATUS']);
    expect(splitName('RTTClockAction')).toEqual(['RTT', 'CLOCK', 'ACTION']);
    expect(splitName('PCode')).toEqual(['PCODE']);
    expect(splitName('OPWLID')).toEqual(['OPWLID']);
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

  it('reads two-word phrases and audit, free-text and admission synonyms as one word', () => {
    const v = new TokenVocabulary([]);
    expect(nameConcepts('LastName', v)).toEqual(nameConcepts('SURNAME', v));
    expect(nameConcepts('FamilyName', v)).toEqual(nameConcepts('SURNAME', v));
    expect(nameConcepts('GivenName', v)).toEqual(nameConcepts('FORENAME', v));
    expect(nameConcepts('NAME_LAST_USED', v)).toEqual(['NAM', 'LAST', 'USED']);
    expect(nameConcepts('InsDtTm', v)).toEqual(nameConcepts('CREATE_DTTM', v));
    expect(nameConcepts('AddedOn', v)).toEqual(nameConcepts('CREATED', v));
    expect(nameConcepts('Notes', v)).toEqual(nameConcepts('COMMENTS', v));
    expect(nameConcepts('Remarks', v)).toEqual(nameConcepts('COMMENTS', v));
    expect(nameConcepts('Urgency', v)).toEqual(nameConcepts('PRIORITY', v));
    expect(nameConcepts('AdmitDtTm', v)).toEqual(nameConcepts('ADMISSION_DTTM', v));
    expect(nameConcepts('FUPSlots', v)).toEqual(nameConcepts('FOLLOWUP_SLOTS', new TokenVocabulary(['FOLLOW_UP'])));
  });

  it('still splits a run-together token that only one of two catalogs uses', () => {
    const v = new TokenVocabulary(['AMPM', 'SESSION_ID', 'POSTCODE'], ['AM_PM', 'POSTCODE', 'POST_DATE']);
    expect(v.segment('AMPM')).toEqual(['AM', 'PM']);
    // Used by both catalogs: kept whole.
    expect(v.segment('POSTCODE')).toEqual(['POSTCODE']);
    // One catalog only: the older behaviour, a known token is never split.
    expect(new TokenVocabulary(['AMPM', 'AM_PM']).segment('AMPM')).toEqual(['AMPM']);
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

describe('words the synonym and phrase knowledge reads', () => {
  it('are never split into run-together pieces, and read as their canonical word', () => {
    const v = new TokenVocabulary(
      ['REC_UPDATE_DTTM', 'ZIP', 'CHECKIN_TIME'],
      ['MODIF_DTTM', 'DATE_OF_BIRTH', 'NOK_TYPE'],
    );
    expect(nameConcepts('REC_UPDATE_DTTM', v)).toContain(stemWord('MODIFIED'));
    expect(nameConcepts('REC_UPDATE_DTTM', v)).not.toContain('UP');
    expect(nameConcepts('CHECKIN_TIME', v)).toEqual([stemWord('ARRIVAL'), stemWord('TIME')]);
    expect(nameConcepts('ZIP', v)).toEqual([stemWord('POSTCODE')]);
    expect(nameConcepts('postalCode', v)).toEqual([stemWord('POSTCODE')]);
  });
});
