import { describe, expect, it } from 'vitest';
import { guessIdentifier, type IdentifierEvidence, nameWords } from './identifier-guess.js';

const none: Omit<IdentifierEvidence, 'name'> = {
  nonEmpty: 100,
  nhsNumberShaped: 0,
  nhsNumberValid: 0,
  postcode: 0,
  email: 0,
  phone: 0,
  dates: 0,
  alphabetic: 0,
};

describe('guessIdentifier', () => {
  it('splits column names into words', () => {
    expect(nameWords('PAT_SURNAME')).toEqual(['pat', 'surname']);
    expect(nameWords('dateOfBirth')).toEqual(['date', 'of', 'birth']);
  });

  it('reads shapes whatever the column is called', () => {
    expect(guessIdentifier({ ...none, name: 'C1', nhsNumberShaped: 95, nhsNumberValid: 90 })).toBe('nhs_number');
    expect(guessIdentifier({ ...none, name: 'C2', email: 85 })).toBe('email');
    expect(guessIdentifier({ ...none, name: 'C3', postcode: 81 })).toBe('postcode');
    expect(guessIdentifier({ ...none, name: 'C4', phone: 99 })).toBe('phone');
  });

  it('needs most values shaped: a few e-mail addresses in a notes column do not mark it', () => {
    expect(guessIdentifier({ ...none, name: 'NOTES', email: 79 })).toBeUndefined();
    expect(guessIdentifier({ ...none, name: 'C1', nhsNumberShaped: 95, nhsNumberValid: 10 })).toBeUndefined();
  });

  it('takes names, dates of birth and hospital numbers from the column name with a fitting shape', () => {
    expect(guessIdentifier({ ...none, name: 'SURNAME', alphabetic: 100 })).toBe('name');
    expect(guessIdentifier({ ...none, name: 'first_name', alphabetic: 98 })).toBe('name');
    expect(guessIdentifier({ ...none, name: 'KnownAs', alphabetic: 98 })).toBe('name');
    expect(guessIdentifier({ ...none, name: 'SURNAME', alphabetic: 10 })).toBeUndefined();
    expect(guessIdentifier({ ...none, name: 'DOB', dates: 100 })).toBe('date_of_birth');
    expect(guessIdentifier({ ...none, name: 'DATE_OF_BIRTH', dates: 90 })).toBe('date_of_birth');
    expect(guessIdentifier({ ...none, name: 'DOB', dates: 20 })).toBeUndefined();
    expect(guessIdentifier({ ...none, name: 'HOSP_NO' })).toBe('hospital_number');
    expect(guessIdentifier({ ...none, name: 'MRN' })).toBe('hospital_number');
    expect(guessIdentifier({ ...none, name: 'CASE_NOTE_NO' })).toBe('hospital_number');
  });

  it('leaves other columns alone', () => {
    for (const name of ['SITE_NAME', 'REFERRAL_DATE', 'SEX', 'HOSPITAL', 'NAME_TYPE']) {
      expect(guessIdentifier({ ...none, name, alphabetic: 100, dates: 0 })).toBeUndefined();
    }
    expect(guessIdentifier({ ...none, name: 'REFERRAL_DATE', dates: 100 })).toBeUndefined();
  });

  it('marks an empty column by its name alone', () => {
    expect(guessIdentifier({ ...none, nonEmpty: 0, name: 'FORENAME' })).toBe('name');
    expect(guessIdentifier({ ...none, nonEmpty: 0, name: 'EMAIL' })).toBeUndefined();
  });
});
