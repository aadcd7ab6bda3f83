/** Small conversions from LOAD-table text values to FHIR primitives and data types. */

/** A LOAD row as text: column name to value, NULL and blank both `undefined`. */
export type LoadRow = Readonly<Record<string, string | undefined>>;

export const systems = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  nhsNumberVerification: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
  nhsNumberVerificationExtension:
    'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
  ethnicCategory: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland',
  ethnicCategoryExtension: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory',
  odsOrganisation: 'https://fhir.nhs.uk/Id/ods-organization-code',
  gpNationalCode: 'https://fhir.hl7.org.uk/Id/gmp-number',
  ubrn: 'https://fhir.nhs.uk/Id/UBRN',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  opcs4: 'http://www.datadictionary.nhs.uk/data_dictionary/attributes/o/opcs/opcs-4_code',
  snomed: 'http://snomed.info/sct',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  maritalStatus: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
  nullFlavor: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  treatmentFunction: 'https://fhir.nhs.uk/CodeSystem/NHSDataModelAndDictionary-treatment-function',
} as const;

/** The NHS Data Dictionary labels of the NHS number status indicator (UK Core verification status codes). */
export const nhsNumberStatusLabels: Readonly<Record<string, string>> = {
  '01': 'Number present and verified',
  '02': 'Number present but not traced',
  '03': 'Trace required',
  '04': 'Trace attempted - No match or multiple match found',
  '05': 'Trace needs to be resolved - (NHS Number or patient detail conflict)',
  '06': 'Trace in progress',
  '07': 'Number not present and trace not required',
  '08': 'Trace postponed (baby under six weeks old)',
};

/** A date-time of a LOAD table (`yyyy-mm-dd hh:mm[:ss]`, local UK time) as a FHIR dateTime with its offset. */
export function ukDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  const [, date, hh, mm, ss = '00'] = m;
  return `${date}T${hh}:${mm}:${ss}${londonOffset(`${date}T${hh}:${mm}:${ss}`)}`;
}

/** `+00:00` or `+01:00`: the offset of Europe/London at a wall-clock time. */
function londonOffset(local: string): string {
  const asUtc = new Date(`${local}Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(asUtc);
  const londonHour = Number(parts.find((p) => p.type === 'hour')?.value);
  const diff = (londonHour - asUtc.getUTCHours() + 24) % 24;
  return diff === 1 ? '+01:00' : '+00:00';
}

/** A FHIR dateTime `minutes` later than `dateTime` (same offset). */
export function addMinutes(dateTime: string, minutes: number): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})$/.exec(dateTime);
  if (!m) return dateTime;
  const t = new Date(`${m[1]}Z`).getTime() + minutes * 60_000;
  return `${new Date(t).toISOString().slice(0, 19)}${m[2]}`;
}

/** A date (`yyyy-mm-dd`) when the value is one. */
export function fhirDate(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value.slice(0, 10)) ? value.slice(0, 10) : undefined;
}

/** Drops keys whose value is undefined, an empty array or an empty object, so no empty element is written. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      const items = v
        .filter((x) => x !== undefined && x !== null && x !== '')
        .map((x) => (typeof x === 'object' ? compact(x) : x))
        .filter((x) => typeof x !== 'object' || Object.keys(x).length > 0);
      if (items.length) out[k] = items;
      continue;
    }
    if (typeof v === 'object') {
      const inner = compact(v as object);
      if (Object.keys(inner).length) out[k] = inner;
      continue;
    }
    out[k] = v;
  }
  return out as T;
}
