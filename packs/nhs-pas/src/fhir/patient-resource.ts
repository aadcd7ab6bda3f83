import type { Address, ContactPoint, Extension, Identifier, Patient } from '@medplum/fhirtypes';
import { compact, fhirDate, type LoadRow, nhsNumberStatusLabels, systems } from './fhir-values.js';

const genders: Record<string, Patient['gender']> = { '1': 'male', '2': 'female', '9': 'other', X: 'unknown' };
const marital: Record<string, { system: string; code: string; display: string }> = {
  S: { system: systems.maritalStatus, code: 'S', display: 'Never Married' },
  M: { system: systems.maritalStatus, code: 'M', display: 'Married' },
  D: { system: systems.maritalStatus, code: 'D', display: 'Divorced' },
  W: { system: systems.maritalStatus, code: 'W', display: 'Widowed' },
  P: { system: systems.maritalStatus, code: 'L', display: 'Legally Separated' },
  N: { system: systems.nullFlavor, code: 'UNK', display: 'unknown' },
};
const addressUse: Record<string, { use?: Address['use']; type?: Address['type'] }> = {
  HOME: { use: 'home', type: 'both' },
  TEMP: { use: 'temp', type: 'both' },
  CORR: { use: 'home', type: 'postal' },
};

/** Options shared by every builder: where local identifiers live. */
export interface FhirBuildOptions {
  /** Base of the identifier systems of local numbers (hospital number, spell number, ...). */
  localSystemBase: string;
  /** The day "now" for statuses that depend on an end date (alerts, allergies): `yyyy-mm-dd`. */
  asOf: string;
}

/** The NHS number identifier with its UK Core verification status extension. */
function nhsNumberIdentifier(nhs: string, status: string | undefined): Identifier {
  const extension: Extension[] = status
    ? [
        {
          url: systems.nhsNumberVerificationExtension,
          valueCodeableConcept: {
            coding: [{ system: systems.nhsNumberVerification, code: status, display: nhsNumberStatusLabels[status] }],
          },
        },
      ]
    : [];
  return compact({ extension, system: systems.nhsNumber, value: nhs });
}

function telecom(row: LoadRow): ContactPoint[] {
  const out: ContactPoint[] = [];
  if (row.HOME_PHONE) out.push({ system: 'phone', value: row.HOME_PHONE, use: 'home' });
  if (row.MOBILE_PHONE) out.push({ system: 'phone', value: row.MOBILE_PHONE, use: 'mobile' });
  if (row.WORK_PHONE) out.push({ system: 'phone', value: row.WORK_PHONE, use: 'work' });
  if (row.EMAIL) out.push({ system: 'email', value: row.EMAIL, use: 'home' });
  return out;
}

/** One LOAD_PMIADDRS row as a FHIR Address. */
export function addressOf(row: LoadRow): Address {
  const kind = addressUse[row.ADDRESS_TYPE ?? ''] ?? {};
  return compact({
    use: kind.use,
    type: kind.type,
    line: [row.ADDRESS_LINE1, row.ADDRESS_LINE2, row.ADDRESS_LINE3].filter((l): l is string => !!l),
    city: row.ADDRESS_LINE4,
    district: row.ADDRESS_LINE5,
    postalCode: row.POSTCODE,
    country: row.COUNTRY_CODE,
    period: { start: fhirDate(row.START_DATE), end: fhirDate(row.END_DATE) },
  });
}

/**
 * A LOAD_PMI row (with its LOAD_PMIADDRS rows) as a Patient. A restricted record (PDS S-flag) carries no address
 * and no GP, and is labelled restricted in `meta.security`; a confidential address is left out.
 */
export function patientResource(row: LoadRow, addresses: readonly LoadRow[], options: FhirBuildOptions): Patient {
  const restricted = row.RESTRICTED_FLAG === 'Y';
  const identifier: Identifier[] = [];
  if (row.NHS_NUMBER) identifier.push(nhsNumberIdentifier(row.NHS_NUMBER, row.NHS_NUMBER_STATUS));
  if (row.MAIN_CRN)
    identifier.push({
      system: `${options.localSystemBase}${(row.MAIN_CRN_TYPE ?? 'HOSP').toLowerCase()}`,
      value: row.MAIN_CRN,
    });
  const gp: NonNullable<Patient['generalPractitioner']> = [];
  if (!restricted && row.GP_PRACTICE_CODE)
    gp.push({ type: 'Organization', identifier: { system: systems.odsOrganisation, value: row.GP_PRACTICE_CODE } });
  if (!restricted && row.GP_CODE)
    gp.push({ type: 'Practitioner', identifier: { system: systems.gpNationalCode, value: row.GP_CODE } });
  const extension: Extension[] = row.ETHNIC_CATEGORY
    ? [
        {
          url: systems.ethnicCategoryExtension,
          valueCodeableConcept: { coding: [{ system: systems.ethnicCategory, code: row.ETHNIC_CATEGORY }] },
        },
      ]
    : [];
  const death = fhirDate(row.DATE_OF_DEATH);
  return compact<Patient>({
    resourceType: 'Patient',
    id: row.RECORD_NUMBER,
    meta: restricted
      ? { security: [{ system: systems.confidentiality, code: 'R', display: 'restricted' }] }
      : undefined,
    extension,
    identifier,
    name: [
      {
        use: 'official',
        family: row.SURNAME,
        given: [row.FORENAME, ...(row.MIDDLE_NAMES?.split(/\s+/) ?? [])].filter((g): g is string => !!g),
        prefix: row.TITLE ? [row.TITLE] : undefined,
      },
      ...(row.PREFERRED_NAME ? [{ use: 'usual' as const, given: [row.PREFERRED_NAME] }] : []),
    ],
    telecom: telecom(row),
    gender: genders[row.SEX ?? ''],
    birthDate: fhirDate(row.DATE_OF_BIRTH),
    deceasedDateTime: death,
    address: restricted ? [] : addresses.filter((a) => a.CONFIDENTIAL_FLAG !== 'Y').map(addressOf),
    maritalStatus:
      row.MARITAL_STATUS && marital[row.MARITAL_STATUS] ? { coding: [marital[row.MARITAL_STATUS]!] } : undefined,
    generalPractitioner: gp,
  });
}
