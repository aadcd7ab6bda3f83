import { describe, expect, it } from 'vitest';
import { patientResource } from './patient-resource.js';
import { validateR4 } from './r4-validator.js';

const options = { localSystemBase: 'urn:ferry:legpas:', asOf: '2026-11-22' };
const row = {
  RECORD_NUMBER: '17',
  MAIN_CRN_TYPE: 'HOSP',
  MAIN_CRN: 'H0000017',
  NHS_NUMBER: '9434765919',
  NHS_NUMBER_STATUS: '01',
  SURNAME: 'SMITH',
  FORENAME: 'Anne',
  MIDDLE_NAMES: 'Mary Jo',
  TITLE: 'Mrs',
  DATE_OF_BIRTH: '1950-03-02',
  SEX: '2',
  DATE_OF_DEATH: '2025-01-09',
  GP_PRACTICE_CODE: 'A81001',
  GP_CODE: 'G1234567',
  MOBILE_PHONE: '07700900123',
  MARITAL_STATUS: 'W',
};
const home = {
  ADDRESS_TYPE: 'HOME',
  ADDRESS_LINE1: '1 High Street',
  ADDRESS_LINE4: 'Leeds',
  POSTCODE: 'LS1 1AA',
  START_DATE: '2001-05-01',
};
const hidden = { ADDRESS_TYPE: 'TEMP', ADDRESS_LINE1: 'Refuge', CONFIDENTIAL_FLAG: 'Y' };

describe('Patient from LOAD_PMI', () => {
  it('maps identity, names, death, telecom, GP and practice, and leaves a confidential address out', () => {
    const p = patientResource(row, [home, hidden], options);
    expect(validateR4(p)).toEqual([]);
    expect(p.identifier?.[0]?.value).toBe('9434765919');
    expect(p.identifier?.[0]?.extension?.[0]?.valueCodeableConcept?.coding?.[0]).toEqual({
      system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
      code: '01',
      display: 'Number present and verified',
    });
    expect(p.name).toEqual([{ use: 'official', family: 'SMITH', given: ['Anne', 'Mary', 'Jo'], prefix: ['Mrs'] }]);
    expect(p.gender).toBe('female');
    expect(p.deceasedDateTime).toBe('2025-01-09');
    expect(p.telecom).toEqual([{ system: 'phone', value: '07700900123', use: 'mobile' }]);
    expect(p.address).toEqual([
      {
        use: 'home',
        type: 'both',
        line: ['1 High Street'],
        city: 'Leeds',
        postalCode: 'LS1 1AA',
        period: { start: '2001-05-01' },
      },
    ]);
    expect(p.generalPractitioner).toEqual([
      { type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A81001' } },
      { type: 'Practitioner', identifier: { system: 'https://fhir.hl7.org.uk/Id/gmp-number', value: 'G1234567' } },
    ]);
    expect(p.maritalStatus?.coding?.[0]?.code).toBe('W');
  });

  it('gives a restricted record (S-flag) no address and no GP, labelled restricted', () => {
    const p = patientResource({ ...row, RESTRICTED_FLAG: 'Y' }, [home], options);
    expect(p.address).toBeUndefined();
    expect(p.generalPractitioner).toBeUndefined();
    expect(p.meta?.security).toEqual([
      { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' },
    ]);
    expect(validateR4(p)).toEqual([]);
  });
});
