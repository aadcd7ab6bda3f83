import type {
  AllergyIntolerance,
  Appointment,
  Condition,
  Encounter,
  EpisodeOfCare,
  Flag,
  Procedure,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { addMinutes, compact, fhirDate, type LoadRow, systems, ukDateTime } from './fhir-values.js';
import type { FhirBuildOptions } from './patient-resource.js';

/** Reference to the patient of a patient-linked LOAD row. */
const patientOf = (row: LoadRow) => ({ reference: `Patient/${row.LOADPMI_RECORD_NUMBER}` });
const local = (options: FhirBuildOptions, kind: string, value: string | undefined) =>
  value ? { system: `${options.localSystemBase}${kind}`, value } : undefined;
const treatmentFunction = (code: string | undefined) =>
  code ? [{ coding: [{ system: systems.treatmentFunction, code }] }] : [];
const inpatient = { system: systems.actCode, code: 'IMP', display: 'inpatient encounter' };
/** Active unless an end date on or before `asOf`. */
const ended = (end: string | undefined, options: FhirBuildOptions) => {
  const d = fhirDate(end);
  return d !== undefined && d <= options.asOf;
};

/** Ids of encounters: a hospital spell and a consultant episode share the Encounter type, so each has a prefix. */
export const admissionEncounterId = (recordNumber: string | undefined) => `adm-${recordNumber}`;
export const episodeEncounterId = (recordNumber: string | undefined) => `epi-${recordNumber}`;

/** A LOAD_ADT_ADMISSIONS row (a hospital provider spell) as an inpatient Encounter. */
export function admissionEncounter(row: LoadRow, options: FhirBuildOptions): Encounter {
  const end = ukDateTime(row.DISCHARGE_DTTM);
  return compact<Encounter>({
    resourceType: 'Encounter',
    id: admissionEncounterId(row.RECORD_NUMBER),
    identifier: [local(options, 'spell-number', row.SPELL_NUMBER)!].filter(Boolean),
    status: end ? 'finished' : 'in-progress',
    class: inpatient,
    serviceType: treatmentFunction(row.TREATMENT_FUNCTION)[0],
    subject: patientOf(row),
    period: { start: ukDateTime(row.ADMISSION_DTTM), end },
  });
}

/** A LOAD_ADT_EPISODES row (a consultant episode) as an Encounter that is part of its spell's Encounter. */
export function episodeEncounter(row: LoadRow, _options: FhirBuildOptions): Encounter {
  const end = ukDateTime(row.EPISODE_END_DTTM);
  return compact<Encounter>({
    resourceType: 'Encounter',
    id: episodeEncounterId(row.RECORD_NUMBER),
    status: end ? 'finished' : 'in-progress',
    class: inpatient,
    serviceType: treatmentFunction(row.TREATMENT_FUNCTION)[0],
    subject: patientOf(row),
    period: { start: ukDateTime(row.EPISODE_START_DTTM), end },
    partOf: { reference: `Encounter/${admissionEncounterId(row.LOADADM_RECORD_NUMBER)}` },
  });
}

/** A LOAD_RTT_PATHWAYS row as an EpisodeOfCare (the patient pathway from referral to treatment). */
export function pathwayEpisodeOfCare(row: LoadRow, options: FhirBuildOptions): EpisodeOfCare {
  const closed = row.PATHWAY_STATUS === 'C' || fhirDate(row.PATHWAY_END_DATE) !== undefined;
  return compact<EpisodeOfCare>({
    resourceType: 'EpisodeOfCare',
    id: row.RECORD_NUMBER,
    identifier: [local(options, 'patient-pathway', row.PATIENT_PATHWAY_ID)!].filter(Boolean),
    status: closed ? 'finished' : 'active',
    type: treatmentFunction(row.TREATMENT_FUNCTION),
    patient: patientOf(row),
    period: { start: fhirDate(row.PATHWAY_START_DATE), end: fhirDate(row.PATHWAY_END_DATE) },
  });
}

const referralStatus: Record<string, ServiceRequest['status']> = { O: 'active', C: 'completed', X: 'revoked' };
const referralPriority: Record<string, ServiceRequest['priority']> = { '1': 'routine', '2': 'urgent', '3': 'asap' };

/** A LOAD_REFERRALS row as a ServiceRequest (a referral). */
export function referralServiceRequest(row: LoadRow, _options: FhirBuildOptions): ServiceRequest {
  return compact<ServiceRequest>({
    resourceType: 'ServiceRequest',
    id: row.RECORD_NUMBER,
    identifier: row.UBRN ? [{ system: systems.ubrn, value: row.UBRN }] : [],
    status: referralStatus[row.REFERRAL_STATUS ?? ''] ?? 'unknown',
    intent: 'order',
    category: [{ coding: [{ system: systems.snomed, code: '3457005', display: 'Patient referral' }] }],
    priority: referralPriority[row.PRIORITY ?? ''],
    code: treatmentFunction(row.TREATMENT_FUNCTION)[0],
    subject: patientOf(row),
    authoredOn: fhirDate(row.REFERRAL_DATE) ?? fhirDate(row.RECEIVED_DATE),
    reasonCode: row.REFERRAL_REASON ? [{ text: row.REFERRAL_REASON }] : [],
  });
}

const attendance: Record<string, Appointment['status']> = {
  '0': 'booked',
  '2': 'cancelled',
  '3': 'noshow',
  '4': 'cancelled',
  '5': 'fulfilled',
  '6': 'fulfilled',
  '7': 'noshow',
};

/**
 * A LOAD_OPD_APPOINTMENTS row as an Appointment, based on its referral. Its end is the start plus the booked slot's
 * length (`SLOT_DURATION_MINS`, joined by the exporter); with no slot the legacy PAS records no length and the end
 * equals the start.
 */
export function outpatientAppointment(row: LoadRow, _options: FhirBuildOptions): Appointment {
  const start = ukDateTime(row.APPOINTMENT_DTTM);
  const minutes = Number(row.SLOT_DURATION_MINS ?? '0');
  const status = attendance[row.ATTENDANCE_STATUS ?? ''] ?? (fhirDate(row.CANCEL_DATE) ? 'cancelled' : 'booked');
  return compact<Appointment>({
    resourceType: 'Appointment',
    id: row.RECORD_NUMBER,
    status,
    cancelationReason: status === 'cancelled' && row.CANCEL_REASON ? { text: row.CANCEL_REASON } : undefined,
    serviceType: treatmentFunction(row.TREATMENT_FUNCTION),
    start,
    end: start ? addMinutes(start, Number.isFinite(minutes) && minutes > 0 ? minutes : 0) : undefined,
    created: fhirDate(row.BOOKED_DATE),
    basedOn: row.LOADREF_RECORD_NUMBER ? [{ reference: `ServiceRequest/${row.LOADREF_RECORD_NUMBER}` }] : [],
    participant: [{ actor: patientOf(row), status: 'accepted' }],
  });
}

/** A LOAD_CODING_DIAGNOSES row (ICD-10) as an encounter-diagnosis Condition of its consultant episode. */
export function diagnosisCondition(row: LoadRow, _options: FhirBuildOptions): Condition {
  return compact<Condition>({
    resourceType: 'Condition',
    id: row.RECORD_NUMBER,
    verificationStatus: { coding: [{ system: systems.conditionVerification, code: 'confirmed' }] },
    category: [{ coding: [{ system: systems.conditionCategory, code: 'encounter-diagnosis' }] }],
    code: {
      coding: [{ system: systems.icd10, code: row.DIAGNOSIS_CODE, display: row.DIAGNOSIS_DESCRIPTION }],
    },
    subject: patientOf(row),
    encounter: { reference: `Encounter/${episodeEncounterId(row.LOADEPI_RECORD_NUMBER)}` },
    recordedDate: fhirDate(row.CODED_DATE),
  });
}

/** A LOAD_CODING_PROCEDURES row (OPCS-4) as a completed Procedure in its consultant episode. */
export function codedProcedure(row: LoadRow, _options: FhirBuildOptions): Procedure {
  return compact<Procedure>({
    resourceType: 'Procedure',
    id: row.RECORD_NUMBER,
    status: 'completed',
    code: {
      coding: [{ system: systems.opcs4, code: row.PROCEDURE_CODE, display: row.PROCEDURE_DESCRIPTION }],
    },
    subject: patientOf(row),
    encounter: { reference: `Encounter/${episodeEncounterId(row.LOADEPI_RECORD_NUMBER)}` },
    performedDateTime: fhirDate(row.PROCEDURE_DATE),
  });
}

/** A LOAD_PMIALERTS row as a Flag: active until its end date. */
export function alertFlag(row: LoadRow, options: FhirBuildOptions): Flag {
  return compact<Flag>({
    resourceType: 'Flag',
    id: row.RECORD_NUMBER,
    status: ended(row.END_DATE, options) ? 'inactive' : 'active',
    category: row.ALERT_TYPE
      ? [{ coding: [{ system: `${options.localSystemBase}alert-type`, code: row.ALERT_TYPE }] }]
      : [],
    code: compact({
      coding: row.ALERT_CODE ? [{ system: `${options.localSystemBase}alert-code`, code: row.ALERT_CODE }] : [],
      text: row.ALERT_TEXT,
    }),
    subject: patientOf(row),
    period: { start: fhirDate(row.START_DATE), end: fhirDate(row.END_DATE) },
  });
}

const allergyCategory: Record<string, 'food' | 'medication' | 'environment'> = {
  DRUG: 'medication',
  FOOD: 'food',
  ENV: 'environment',
};
const reactionSeverity: Record<string, 'mild' | 'moderate' | 'severe'> = {
  MILD: 'mild',
  MOD: 'moderate',
  SEV: 'severe',
};

/** A LOAD_PMIALLERGIES row as an AllergyIntolerance: active until its end date. */
export function allergyIntolerance(row: LoadRow, options: FhirBuildOptions): AllergyIntolerance {
  const severity = reactionSeverity[row.SEVERITY ?? ''];
  const category = allergyCategory[row.ALLERGY_TYPE ?? ''];
  return compact<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: row.RECORD_NUMBER,
    clinicalStatus: {
      coding: [{ system: systems.allergyClinical, code: ended(row.END_DATE, options) ? 'inactive' : 'active' }],
    },
    category: category ? [category] : [],
    criticality: severity === 'severe' ? 'high' : severity ? 'low' : undefined,
    code: compact({
      coding: row.SNOMED_CODE ? [{ system: systems.snomed, code: row.SNOMED_CODE }] : [],
      text: row.ALLERGEN_DESCRIPTION,
    }),
    patient: patientOf(row),
    recordedDate: fhirDate(row.RECORDED_DATE),
    reaction: row.REACTION ? [{ manifestation: [{ text: row.REACTION }], severity }] : [],
  });
}
