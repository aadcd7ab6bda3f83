import { hhmmFromMinute } from '@ferry/core';
import type {
  AddressFact,
  AlertFact,
  AliasFact,
  AllergyFact,
  CasenoteFact,
  ContactFact,
  GpRegistrationFact,
  IdentifierFact,
  MergeFact,
  NextOfKinFact,
  PatientCore,
} from '../cohort-facts.js';
import { commonColumns } from './common-columns.js';
import {
  legacyCode,
  legacyEmail,
  legacyFlag,
  legacyInt,
  legacyName,
  legacyNhs,
  legacyPhone,
  legacyPostcode,
  legacyText,
  postcodeStyle,
  ukDate,
  ukDateLoose,
  ukDateTime,
} from './legacy-format.js';
import type { RenderEnv } from './render-env.js';
import type { TableSpec } from './table-spec.js';
import { flagYN, isoDate, isoDateTime, phoneDigits, postcodeForm, tidy } from './target-format.js';

const q = (e: RenderEnv, table: string, id: number, field: string) => e.quirks.unit(table, id, field);

export const patientSpec: TableSpec<PatientCore> = (() => {
  const c = commonColumns<PatientCore>('PATIENT', 'PAT_ID', (p) => p.created, false, true);
  const phone = (p: PatientCore, e: RenderEnv, field: 'homePhone' | 'mobilePhone' | 'workPhone') =>
    legacyPhone(p[field], q(e, 'PATIENT', p.id, field));
  return {
    source: 'PATIENT',
    target: 'LOAD_PMI',
    legacy: {
      ...c.legacy,
      HOSP_NO: (p) => p.hospitalNumber,
      NHS_NO: (p) => legacyNhs(p.nhsNumber, p.nhsStyle),
      NHS_NO_STAT: (p, e) => e.codes.local('nhs_number_status', p.nhsStatus, 'PATIENT', p.id),
      SURNAME: (p, e) => legacyName(p.surname, q(e, 'PATIENT', p.id, 'SURNAME')),
      FORENAME: (p, e) => legacyName(p.forename, q(e, 'PATIENT', p.id, 'FORENAME')),
      MIDDLE_NAMES: (p, e) => legacyName(p.middleNames, q(e, 'PATIENT', p.id, 'MIDDLE')),
      TITLE: (p, e) => legacyName(p.title, q(e, 'PATIENT', p.id, 'TITLE')),
      KNOWN_AS: (p, e) => legacyName(p.knownAs, q(e, 'PATIENT', p.id, 'KNOWN')),
      DOB: (p) => ukDate(p.dob),
      BIRTH_TM: (p) => (p.birthTime === undefined ? '' : hhmmFromMinute(p.birthTime)),
      SEX: (p, e) => e.codes.local('gender', p.sex, 'PATIENT', p.id),
      ETHNIC: (p, e) => e.codes.local('ethnic_category', p.ethnic, 'PATIENT', p.id),
      MARITAL: (p, e) => e.codes.local('marital_status', p.marital, 'PATIENT', p.id),
      RELIGION: (p, e) => legacyCode(p.religion, q(e, 'PATIENT', p.id, 'REL')),
      LANGUAGE: (p, e) => legacyCode(p.language, q(e, 'PATIENT', p.id, 'LANG')),
      INTERP_REQ: (p) => legacyFlag(p.interpreter),
      OCCUPATION: (p, e) => legacyText(p.occupation, q(e, 'PATIENT', p.id, 'OCC')),
      BIRTH_PLACE: (p) => p.birthPlace ?? '',
      DOD: (p) => ukDate(p.dod),
      DOD_PLACE: (p) => p.deathPlace ?? '',
      GP_PRAC: (p) => p.practiceCode ?? '',
      GP_CD: (p) => p.gpCode ?? '',
      SENSITIVE: (p) => legacyFlag(p.restricted),
      HOME_TEL: (p, e) => phone(p, e, 'homePhone'),
      MOBILE_TEL: (p, e) => phone(p, e, 'mobilePhone'),
      WORK_TEL: (p, e) => phone(p, e, 'workPhone'),
      EMAIL: (p, e) => legacyEmail(p.email, q(e, 'PATIENT', p.id, 'EMAIL')),
      OVERSEAS: (p) => p.overseas ?? '',
      TRACE_DT: (p) => ukDate(p.lastTraced),
      REG_DT: (p) => ukDate(p.registered),
      COMMENTS: (p, e) => legacyText(p.comment, q(e, 'PATIENT', p.id, 'COMM')),
      MERGED_INTO: (p) => (p.mergedInto === undefined ? '' : String(p.mergedInto)),
      LAST_SEEN_DT: (p) => ukDate(p.lastSeen),
      LABEL_PRINT: (p) => legacyFlag(p.labelPrinted),
      REC_STATUS: (p) => p.recStatus ?? 'A',
    },
    national: {
      ...c.national,
      MAIN_CRN_TYPE: () => 'HOSP',
      MAIN_CRN: (p) => p.hospitalNumber,
      NHS_NUMBER: (p) => p.nhsNumber ?? '',
      NHS_NUMBER_STATUS: (p) => p.nhsStatus,
      SURNAME: (p) => p.surname.toUpperCase(),
      FORENAME: (p) => p.forename,
      MIDDLE_NAMES: (p) => p.middleNames ?? '',
      TITLE: (p) => p.title ?? '',
      PREFERRED_NAME: (p) => p.knownAs ?? '',
      DATE_OF_BIRTH: (p) => isoDate(p.dob),
      BIRTH_TIME: (p) => (p.birthTime === undefined ? '' : hhmmFromMinute(p.birthTime)),
      SEX: (p) => p.sex,
      ETHNIC_CATEGORY: (p) => p.ethnic ?? '',
      MARITAL_STATUS: (p) => p.marital ?? '',
      RELIGION: (p) => p.religion ?? '',
      PREFERRED_LANGUAGE: (p) => p.language ?? '',
      INTERPRETER_REQUIRED: (p) => flagYN(p.interpreter),
      OCCUPATION: (p) => tidy(p.occupation),
      BIRTH_PLACE: (p) => tidy(p.birthPlace),
      DATE_OF_DEATH: (p) => isoDate(p.dod),
      PLACE_OF_DEATH: (p) => tidy(p.deathPlace),
      GP_PRACTICE_CODE: (p) => p.practiceCode ?? '',
      GP_CODE: (p) => p.gpCode ?? '',
      RESTRICTED_FLAG: (p) => flagYN(p.restricted),
      HOME_PHONE: (p, e) => phoneDigits(phone(p, e, 'homePhone')),
      MOBILE_PHONE: (p, e) => phoneDigits(phone(p, e, 'mobilePhone')),
      WORK_PHONE: (p, e) => phoneDigits(phone(p, e, 'workPhone')),
      EMAIL: (p) => (p.email ?? '').toLowerCase(),
      OVERSEAS_STATUS: (p) => p.overseas ?? '',
      LAST_TRACED_DATE: (p) => isoDate(p.lastTraced),
      REGISTRATION_DATE: (p) => isoDate(p.registered),
      COMMENTS: (p) => tidy(p.comment),
    },
  };
})();

export const identifierSpec: TableSpec<IdentifierFact> = (() => {
  const c = commonColumns<IdentifierFact>('PAT_IDENT', 'IDENT_ID', (r) => r.from, true);
  return {
    source: 'PAT_IDENT',
    target: 'LOAD_PMIIDS',
    legacy: {
      ...c.legacy,
      ID_TYPE: (r, e) => legacyCode(r.type, q(e, 'PAT_IDENT', r.id, 'T')),
      ID_VALUE: (r) => r.value,
      ISSUER: (r) => r.issuer,
      PRIMARY_FLAG: (r) => legacyFlag(r.primary),
      VALID_FROM: (r) => ukDate(r.from),
      VALID_TO: (r) => ukDate(r.to),
    },
    national: {
      ...c.national,
      ID_TYPE: (r) => r.type,
      ID_VALUE: (r) => r.value,
      ISSUING_ORG: (r) => r.issuer,
      PRIMARY_FLAG: (r) => flagYN(r.primary),
      START_DATE: (r) => isoDate(r.from),
      END_DATE: (r) => isoDate(r.to),
    },
  };
})();

export const aliasSpec: TableSpec<AliasFact> = (() => {
  const c = commonColumns<AliasFact>('PAT_ALIAS', 'ALIAS_ID', (r, e) => r.from ?? e.patient.registered, true);
  return {
    source: 'PAT_ALIAS',
    target: 'LOAD_PMIALIASES',
    legacy: {
      ...c.legacy,
      ALIAS_TYPE: (r) => r.type,
      SURNAME: (r, e) => legacyName(r.surname, q(e, 'PAT_ALIAS', r.id, 'S')),
      FORENAME: (r, e) => legacyName(r.forename, q(e, 'PAT_ALIAS', r.id, 'F')),
      MIDDLE_NAMES: (r, e) => legacyName(r.middleNames, q(e, 'PAT_ALIAS', r.id, 'M')),
      TITLE: (r, e) => legacyName(r.title, q(e, 'PAT_ALIAS', r.id, 'T')),
      FROM_DT: (r, e) => ukDateLoose(r.from, q(e, 'PAT_ALIAS', r.id, 'FD')),
      TO_DT: (r, e) => ukDateLoose(r.to, q(e, 'PAT_ALIAS', r.id, 'TD')),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      ALIAS_TYPE: (r) => r.type,
      SURNAME: (r) => r.surname.toUpperCase(),
      FORENAME: (r) => r.forename ?? '',
      MIDDLE_NAMES: (r) => r.middleNames ?? '',
      TITLE: (r) => r.title ?? '',
      START_DATE: (r) => isoDate(r.from),
      END_DATE: (r) => isoDate(r.to),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

/** How an address's lines are spread over the legacy columns: flats sometimes split over two lines. */
function addressLines(a: AddressFact, e: RenderEnv): [string, string, string] {
  const line1 = a.address.line1;
  const comma = line1.indexOf(', ');
  if (comma > 0 && q(e, 'PAT_ADDR', a.id, 'split') < 0.5)
    return [line1.slice(0, comma), line1.slice(comma + 2), a.address.line2];
  return [line1, a.address.line2, ''];
}

export const addressSpec: TableSpec<AddressFact> = (() => {
  const c = commonColumns<AddressFact>('PAT_ADDR', 'ADDR_ID', (r) => r.from, true);
  const county = (r: AddressFact, e: RenderEnv) => (q(e, 'PAT_ADDR', r.id, 'county') < 0.8 ? r.address.county : '');
  return {
    source: 'PAT_ADDR',
    target: 'LOAD_PMIADDRS',
    legacy: {
      ...c.legacy,
      ADDR_TYPE: (r, e) => legacyCode(r.type, q(e, 'PAT_ADDR', r.id, 'T')),
      ADDR1: (r, e) => legacyText(addressLines(r, e)[0], q(e, 'PAT_ADDR', r.id, 'A1')),
      ADDR2: (r, e) => addressLines(r, e)[1],
      ADDR3: (r, e) => addressLines(r, e)[2],
      ADDR4: (r) => r.address.town,
      ADDR5: county,
      POSTCODE: (r) => legacyPostcode(r.address.postcode, r.postcodeStyle),
      COUNTRY: (r) => r.country ?? '',
      FROM_DT: (r) => ukDate(r.from),
      TO_DT: (r) => ukDate(r.to),
      CURRENT_FLAG: (r) => legacyFlag(r.current),
      CONF_FLAG: (r) => legacyFlag(r.confidential),
    },
    national: {
      ...c.national,
      ADDRESS_TYPE: (r) => r.type,
      ADDRESS_LINE1: (r, e) => tidy(addressLines(r, e)[0]),
      ADDRESS_LINE2: (r, e) => addressLines(r, e)[1],
      ADDRESS_LINE3: (r, e) => addressLines(r, e)[2],
      ADDRESS_LINE4: (r) => r.address.town,
      ADDRESS_LINE5: county,
      POSTCODE: (r) => postcodeForm(r.address.postcode),
      COUNTRY_CODE: (r) => r.country ?? '',
      START_DATE: (r) => isoDate(r.from),
      END_DATE: (r) => isoDate(r.to),
      CURRENT_FLAG: (r) => flagYN(r.current),
      CONFIDENTIAL_FLAG: (r) => flagYN(r.confidential),
    },
  };
})();

export const contactSpec: TableSpec<ContactFact> = (() => {
  const c = commonColumns<ContactFact>('PAT_CONTACT', 'CONTACT_ID', (r) => r.from, true);
  const value = (r: ContactFact, e: RenderEnv) =>
    r.type === 'EMAIL'
      ? legacyEmail(r.value, q(e, 'PAT_CONTACT', r.id, 'V'))
      : legacyPhone(r.value, q(e, 'PAT_CONTACT', r.id, 'V'));
  return {
    source: 'PAT_CONTACT',
    target: 'LOAD_PMICONTACTS',
    legacy: {
      ...c.legacy,
      CONT_TYPE: (r, e) => legacyCode(r.type, q(e, 'PAT_CONTACT', r.id, 'T')),
      CONT_VALUE: value,
      PREF_FLAG: (r) => legacyFlag(r.preferred),
      SMS_OK: (r) => legacyFlag(r.smsConsent),
      EMAIL_OK: (r) => legacyFlag(r.emailConsent),
      FROM_DT: (r) => ukDate(r.from),
      TO_DT: (r) => ukDate(r.to),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      CONTACT_TYPE: (r) => r.type,
      CONTACT_VALUE: value,
      PREFERRED_FLAG: (r) => flagYN(r.preferred),
      SMS_CONSENT: (r) => flagYN(r.smsConsent),
      EMAIL_CONSENT: (r) => flagYN(r.emailConsent),
      START_DATE: (r) => isoDate(r.from),
      END_DATE: (r) => isoDate(r.to),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const nextOfKinSpec: TableSpec<NextOfKinFact> = (() => {
  const c = commonColumns<NextOfKinFact>('PAT_NOK', 'NOK_ID', (r) => r.from, true);
  const phone = (r: NextOfKinFact, e: RenderEnv, f: 'homePhone' | 'mobilePhone' | 'workPhone') =>
    legacyPhone(r[f], q(e, 'PAT_NOK', r.id, f));
  const style = (r: NextOfKinFact, e: RenderEnv) => postcodeStyle(q(e, 'PAT_NOK', r.id, 'PC'));
  return {
    source: 'PAT_NOK',
    target: 'LOAD_PMINOK',
    legacy: {
      ...c.legacy,
      NOK_TYPE: (r) => r.type,
      RELATION: (r, e) => legacyCode(r.relationship, q(e, 'PAT_NOK', r.id, 'R')),
      NOK_SURNAME: (r, e) => legacyName(r.surname, q(e, 'PAT_NOK', r.id, 'S')),
      NOK_FORENAME: (r, e) => legacyName(r.forename, q(e, 'PAT_NOK', r.id, 'F')),
      NOK_TITLE: (r, e) => legacyName(r.title, q(e, 'PAT_NOK', r.id, 'T')),
      ADDR1: (r) => r.address?.line1 ?? '',
      ADDR2: (r) => r.address?.line2 ?? '',
      ADDR3: (r) => r.address?.town ?? '',
      ADDR4: (r) => r.address?.county ?? '',
      POSTCODE: (r, e) => legacyPostcode(r.address?.postcode, style(r, e)),
      HOME_TEL: (r, e) => phone(r, e, 'homePhone'),
      MOBILE_TEL: (r, e) => phone(r, e, 'mobilePhone'),
      WORK_TEL: (r, e) => phone(r, e, 'workPhone'),
      PAR_RESP: (r) => legacyFlag(r.parentalResponsibility),
      FROM_DT: (r) => ukDate(r.from),
      TO_DT: (r) => ukDate(r.to),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      NOK_TYPE: (r) => r.type,
      RELATIONSHIP: (r) => r.relationship,
      SURNAME: (r) => r.surname.toUpperCase(),
      FORENAME: (r) => r.forename,
      TITLE: (r) => r.title ?? '',
      ADDRESS_LINE1: (r) => r.address?.line1 ?? '',
      ADDRESS_LINE2: (r) => r.address?.line2 ?? '',
      ADDRESS_LINE3: (r) => r.address?.town ?? '',
      ADDRESS_LINE4: (r) => r.address?.county ?? '',
      POSTCODE: (r) => postcodeForm(r.address?.postcode),
      HOME_PHONE: (r, e) => phoneDigits(phone(r, e, 'homePhone')),
      MOBILE_PHONE: (r, e) => phoneDigits(phone(r, e, 'mobilePhone')),
      WORK_PHONE: (r, e) => phoneDigits(phone(r, e, 'workPhone')),
      PARENTAL_RESPONSIBILITY: (r) => flagYN(r.parentalResponsibility),
      START_DATE: (r) => isoDate(r.from),
      END_DATE: (r) => isoDate(r.to),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const gpRegistrationSpec: TableSpec<GpRegistrationFact> = (() => {
  const c = commonColumns<GpRegistrationFact>('PAT_GP_REG', 'GPREG_ID', (r) => r.from, true);
  return {
    source: 'PAT_GP_REG',
    target: 'LOAD_PMIGPAUDIT',
    legacy: {
      ...c.legacy,
      PRAC_CD: (r) => r.practiceCode,
      GP_CD: (r) => r.gpCode ?? '',
      GP_NAME: (r) => r.gpName ?? '',
      PRAC_NAME: (r) => r.practiceName ?? '',
      PRAC_PCODE: (r, e) => legacyPostcode(r.practicePostcode, postcodeStyle(q(e, 'PAT_GP_REG', r.id, 'PC'))),
      FROM_DT: (r) => ukDate(r.from),
      TO_DT: (r) => ukDate(r.to),
      CURRENT_FLAG: (r) => legacyFlag(r.current),
    },
    national: {
      ...c.national,
      GP_PRACTICE_CODE: (r) => r.practiceCode,
      GP_CODE: (r) => r.gpCode ?? '',
      GP_NAME: (r) => tidy(r.gpName),
      PRACTICE_NAME: (r) => tidy(r.practiceName),
      PRACTICE_POSTCODE: (r) => postcodeForm(r.practicePostcode),
      START_DATE: (r) => isoDate(r.from),
      END_DATE: (r) => isoDate(r.to),
      CURRENT_FLAG: (r) => flagYN(r.current),
    },
  };
})();

export const allergySpec: TableSpec<AllergyFact> = (() => {
  const c = commonColumns<AllergyFact>('PAT_ALLERGY', 'ALLERGY_ID', (r) => r.recorded, true);
  return {
    source: 'PAT_ALLERGY',
    target: 'LOAD_PMIALLERGIES',
    legacy: {
      ...c.legacy,
      ALLERGY_CD: (r) => r.code,
      ALLERGY_DESC: (r, e) => legacyText(r.description, q(e, 'PAT_ALLERGY', r.id, 'D')),
      ALLERGY_TYPE: (r) => r.type,
      REACTION: (r) => r.reaction ?? '',
      SEVERITY: (r, e) => legacyCode(r.severity, q(e, 'PAT_ALLERGY', r.id, 'S')),
      RECORDED_DT: (r) => ukDate(r.recorded),
      RECORDED_BY: (r) => r.recordedBy,
      END_DT: (r) => ukDate(r.ended),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      ALLERGEN_CODE: (r) => r.code,
      ALLERGEN_DESCRIPTION: (r) => tidy(r.description),
      ALLERGY_TYPE: (r) => r.type,
      REACTION: (r) => tidy(r.reaction),
      SEVERITY: (r) => r.severity ?? '',
      RECORDED_DATE: (r) => isoDate(r.recorded),
      RECORDED_BY: (r) => r.recordedBy.toUpperCase(),
      END_DATE: (r) => isoDate(r.ended),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const alertSpec: TableSpec<AlertFact> = (() => {
  const c = commonColumns<AlertFact>('PAT_ALERT', 'ALERT_ID', (r) => r.start, true);
  return {
    source: 'PAT_ALERT',
    target: 'LOAD_PMIALERTS',
    legacy: {
      ...c.legacy,
      ALERT_TYPE: (r) => r.type,
      ALERT_CD: (r) => r.code,
      ALERT_TEXT: (r, e) => legacyText(r.text, q(e, 'PAT_ALERT', r.id, 'X')),
      START_DT: (r) => ukDate(r.start),
      END_DT: (r) => ukDate(r.end),
      REVIEW_DT: (r) => ukDate(r.review),
      STAFF_WARN: (r) => legacyFlag(r.staffWarning),
      RECORDED_BY: (r) => r.recordedBy,
      REC_STATUS: (r) => r.recStatus ?? 'A',
    },
    national: {
      ...c.national,
      ALERT_TYPE: (r) => r.type,
      ALERT_CODE: (r) => r.code,
      ALERT_TEXT: (r) => tidy(r.text),
      START_DATE: (r) => isoDate(r.start),
      END_DATE: (r) => isoDate(r.end),
      REVIEW_DATE: (r) => isoDate(r.review),
      STAFF_WARNING_FLAG: (r) => flagYN(r.staffWarning),
      RECORDED_BY: (r) => r.recordedBy.toUpperCase(),
    },
  };
})();

export const casenoteSpec: TableSpec<CasenoteFact> = (() => {
  const c = commonColumns<CasenoteFact>('PAT_CASENOTE', 'CASENOTE_ID', (_r, e) => e.patient.registered, true);
  return {
    source: 'PAT_CASENOTE',
    target: 'LOAD_CASENOTELOCS',
    legacy: {
      ...c.legacy,
      CN_NUMBER: (r) => r.number,
      VOLUME: (r, e) => legacyInt(r.volume, q(e, 'PAT_CASENOTE', r.id, 'V')),
      CN_TYPE: (r) => r.type,
      LOC_CD: (r, e) => legacyCode(r.location, q(e, 'PAT_CASENOTE', r.id, 'L')),
      LOC_DT: (r) => ukDateTime(r.locationAt),
      HOME_LOC: (r) => r.homeLocation,
      BORROWER: (r) => r.borrower ?? '',
      RETURN_DT: (r) => ukDate(r.returnBy),
      CN_STATUS: (r) => r.status,
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      CASENOTE_NUMBER: (r) => r.number,
      VOLUME_NUMBER: (r) => String(r.volume),
      CASENOTE_TYPE: (r) => r.type,
      CURRENT_LOCATION: (r) => r.location,
      LOCATION_DTTM: (r) => isoDateTime(r.locationAt),
      HOME_LOCATION: (r) => r.homeLocation,
      BORROWER: (r) => tidy(r.borrower),
      EXPECTED_RETURN_DATE: (r) => isoDate(r.returnBy),
      CASENOTE_STATUS: (r) => r.status,
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const mergeSpec: TableSpec<MergeFact> = (() => {
  const c = commonColumns<MergeFact>('PAT_MERGE', 'MERGE_ID', (r) => r.at, true, true);
  return {
    source: 'PAT_MERGE',
    target: 'LOAD_PMI_MERGES',
    legacy: {
      ...c.legacy,
      MINOR_HOSP_NO: (r) => r.minor.hospitalNumber,
      MINOR_NHS_NO: (r) => legacyNhs(r.minor.nhsNumber, r.minor.nhsStyle),
      MINOR_SURNAME: (r, e) => legacyName(r.minor.surname, q(e, 'PAT_MERGE', r.id, 'S')),
      MINOR_FORENAME: (r, e) => legacyName(r.minor.forename, q(e, 'PAT_MERGE', r.id, 'F')),
      MINOR_DOB: (r) => ukDate(r.minor.dob),
      MINOR_PAT_ID: (r) => String(r.minor.id),
      MERGE_DT: (r) => ukDateTime(r.at),
      MERGED_BY: (r) => r.by,
      REASON: (r) => r.reason,
      UNMERGE_FLAG: (r) => legacyFlag(r.unmerged),
    },
    national: {
      ...c.national,
      MINOR_CRN: (r) => r.minor.hospitalNumber,
      MINOR_NHS_NUMBER: (r) => r.minor.nhsNumber ?? '',
      MINOR_SURNAME: (r) => r.minor.surname.toUpperCase(),
      MINOR_FORENAME: (r) => r.minor.forename,
      MINOR_DATE_OF_BIRTH: (r) => isoDate(r.minor.dob),
      MINOR_EXTERNAL_ID: (r) => String(r.minor.id),
      MERGE_DTTM: (r) => isoDateTime(r.at),
      MERGED_BY: (r) => r.by.toUpperCase(),
      MERGE_REASON: (r) => tidy(r.reason),
      UNMERGED_FLAG: (r) => flagYN(r.unmerged),
    },
  };
})();
