import { describe, expect, it } from 'vitest';
import { AbbreviationReader, abbreviationFit, consonantSkeleton } from './abbreviation-reader.js';
import { nameConcepts, TokenVocabulary } from './name-tokens.js';

describe('abbreviation reading', () => {
  it('takes the consonant skeleton of a word', () => {
    expect(consonantSkeleton('SURNAME')).toBe('SRNM');
    expect(consonantSkeleton('REGISTERED')).toBe('RGSTRD');
    expect(consonantSkeleton('STATUS')).toBe('STS');
  });

  it('scores skeletons, truncations and two-letter forms', () => {
    expect(abbreviationFit('SRNM', 'SURNAME')).toBe(1);
    expect(abbreviationFit('OCC', 'OCCUPATION')).toBe(0.9);
    expect(abbreviationFit('NM', 'NAME')).toBe(0.8);
    expect(abbreviationFit('NM', 'NUMBER')).toBe(0.6);
    expect(abbreviationFit('GIVEN', 'GENDER')).toBe(0);
    expect(abbreviationFit('XYZ', 'SURNAME')).toBe(0);
  });

  it('expands to the best fitting word, class words preferred at the end of a name', () => {
    const reader = new AbbreviationReader(
      [
        { word: 'SURNAME', uses: 3 },
        { word: 'STATUS', uses: 2 },
        { word: 'START', uses: 9 },
      ],
      new Set(['STATUS']),
    );
    expect(reader.expand('SRNM')).toBe('SURNAME');
    expect(reader.expand('ST', true)).toBe('STATUS');
    expect(reader.expand('QQQ')).toBeUndefined();
  });

  it('reads vowel-dropped names against the other catalog and joins phrases over the expanded words', () => {
    const v = new TokenVocabulary(['gvn_nm', 'srnm', 'mrtl_st', 'brth_dt'], ['FORENAME', 'SURNAME', 'MARITAL_STATUS']);
    expect(nameConcepts('gvn_nm', v)).toEqual(nameConcepts('FORENAME', v));
    expect(nameConcepts('srnm', v)).toEqual(nameConcepts('SURNAME', v));
    expect(nameConcepts('mrtl_st', v)).toEqual(nameConcepts('MARITAL_STATUS', v));
    // A listed abbreviation without its vowels: RQD reads as REQD.
    expect(nameConcepts('intrp_rqd', v)).toEqual(nameConcepts('INTERP_REQD', v));
  });
});
