/**
 * AE_: the emergency department module (attendances, triage, clinical coding in SNOMED for ECDS,
 * investigations, treatments, observations, breaches). Out of scope: A&E moves to the new EPR's own ED system.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('ae');

function attendanceTables() {
  return [
    t('AE_DEPT', [
      'AE_DEPT_CODE s8* Emergency department or UTC',
      'DEPT_NAME s60! Name',
      '>SITE! Site',
      'DEPT_TYPE c2@AE_DEPT_TYPE ECDS department type 01-05',
      'ACTIVE_FLAG b Active',
    ]),
    t('AE_CUBICLE', [
      'CUBICLE_CODE s8* Cubicle or bay',
      'AE_DEPT_CODE >AE_DEPT! Department',
      'AREA c4@AE_AREA Majors, minors, resus, paeds, UTC',
      'CUBICLE_NAME s30 Name',
      'ACTIVE_FLAG b Active',
    ]),
    t(
      'AE_ATTEND',
      [
        'ATTEND_ID i* Attendance identifier',
        '>PATIENT! Patient',
        'AE_NO s12! A&E attendance number',
        'AE_DEPT_CODE >AE_DEPT! Department',
        'ARRIVAL_DT t! Arrival date/time',
        'ARRIVAL_MODE c2@AE_ARRIVAL_MODE Arrival mode',
        'AMB_INCIDENT_NO s20 Ambulance incident number',
        'ATTEND_SOURCE c2@AE_ATTEND_SOURCE Source of attendance',
        'ATTEND_CATEGORY c1@AE_ATTEND_CATEGORY First, planned follow-up, unplanned follow-up',
        'COMPLAINT c18@AE_COMPLAINT Chief complaint (SNOMED CT)',
        'ACUITY c18@AE_ACUITY Acuity (SNOMED CT)',
        'SEEN_DT t First seen by a clinician',
        'DTA_DT t Decision to admit',
        'DEPART_DT t Departed',
        'DISCH_STATUS c18@AE_DISCH_STATUS Discharge status (SNOMED CT)',
        'DISCH_DEST c18@AE_DISCH_DEST Discharge destination (SNOMED CT)',
        'FOLLOW_UP c18@AE_FOLLOW_UP Follow-up (SNOMED CT)',
        'SPELL_ID >ADM_SPELL Resulting admission',
        'GP_LETTER_SENT b Discharge letter sent to GP',
      ],
      { archive: true },
    ),
    t('AE_TRIAGE', [
      'TRIAGE_ID i* Triage record',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'TRIAGE_DT t! Triaged',
      'TRIAGE_NURSE_ID >STAFF Triage nurse',
      'TRIAGE_CAT c1@AE_TRIAGE_CAT Manchester triage category 1-5',
      'DISCRIMINATOR s60 Presentation discriminator',
      'PAIN_SCORE i Pain score 0-10',
      'STREAMED_TO c4@AE_AREA Area streamed to',
      'NOTES s1000 Triage notes',
    ]),
    t('AE_PRESENTING', [
      'PRESENT_ID i* Presenting complaint row',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'SEQ i! Position',
      'COMPLAINT_TEXT s255 Complaint in the patient words',
      'ONSET_DT t Onset',
    ]),
    t('AE_INJURY', [
      'INJURY_ID i* Injury record',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'INJURY_DT t Date/time of injury',
      'INJURY_PLACE c18@AE_INJURY_PLACE Place (SNOMED CT)',
      'INJURY_ACTIVITY c18@AE_INJURY_ACTIVITY Activity (SNOMED CT)',
      'INJURY_MECH c18@AE_INJURY_MECH Mechanism (SNOMED CT)',
      'INTENT c18@AE_INJURY_INTENT Intent (SNOMED CT)',
      'ALCOHOL_DRUG b Alcohol or drugs involved',
      'ASSAULT_LOCATION s100 Where an assault happened (for CSP sharing)',
    ]),
    t('AE_LOCATION_HIST', [
      'AE_LOC_ID i* Location change',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'CUBICLE_CODE >AE_CUBICLE Cubicle',
      'START_DT t! Moved in',
      'END_DT t Moved out',
    ]),
    t('AE_STAFF_ASSIGN', [
      'AE_ASSIGN_ID i* Clinician assignment',
      'ATTEND_ID >AE_ATTEND! Attendance',
      '>STAFF! Clinician',
      'ROLE c2@AE_STAFF_ROLE Doctor, nurse practitioner, nurse, student',
      'START_DT t! Assigned',
      'END_DT t Handed over',
    ]),
  ];
}

function clinicalTables() {
  return [
    t('AE_DIAG', [
      'AE_DIAG_ID i* Diagnosis row',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'SEQ i! Position (1 = primary)',
      'DIAG_CODE c18@AE_DIAGNOSIS Diagnosis (SNOMED CT)',
      'QUALIFIER c18@AE_DIAG_QUALIFIER Confirmed or suspected',
      'ICD10 s6 ICD-10 equivalent',
    ]),
    t('AE_INVEST', [
      'AE_INVEST_ID i* Investigation row',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'SEQ i! Position',
      'INVEST_CODE c18@AE_INVESTIGATION Investigation (SNOMED CT)',
      'REQUEST_DT t Requested',
      'RESULT_DT t Resulted',
    ]),
    t('AE_TREAT', [
      'AE_TREAT_ID i* Treatment row',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'SEQ i! Position',
      'TREAT_CODE c18@AE_TREATMENT Treatment (SNOMED CT)',
      'TREAT_DT t Given',
      'GIVEN_BY >STAFF Given by',
    ]),
    t('AE_OBS', [
      'AE_OBS_ID i* Observation set',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'OBS_DT t! Taken',
      'PULSE i Pulse (bpm)',
      'RESP_RATE i Respiratory rate',
      'BP_SYS i Systolic BP (mmHg)',
      'BP_DIA i Diastolic BP (mmHg)',
      'TEMP_C n Temperature (C)',
      'SPO2 i Oxygen saturation (%)',
      'GCS i Glasgow coma score',
      'NEWS2 i NEWS2 score',
      'TAKEN_BY >STAFF Taken by',
    ]),
    t('AE_XRAY_REQ', [
      'AE_XRAY_ID i* Imaging request from ED',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'BODY_PART s60 Body part',
      'REQUESTED_BY >STAFF Requested by',
      'REQUEST_DT t! Requested',
      'RAD_ORDER_ID >RAD_ORDER Radiology order created',
    ]),
    t('AE_REFERRAL', [
      'AE_REF_ID i* Referral to a specialty',
      'ATTEND_ID >AE_ATTEND! Attendance',
      '>SPECIALTY Specialty referred to',
      'REQUEST_DT t! Referred',
      'RESPONSE_DT t Specialty responded',
      'OUTCOME c2@AE_REF_OUTCOME Accepted, advice, declined',
    ]),
    t('AE_SAFEGUARD', [
      'AE_SG_ID i* Safeguarding concern',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'CONCERN_TYPE c18@AE_SAFEGUARDING Concern (SNOMED CT)',
      'RAISED_BY >STAFF Raised by',
      'REFERRED_TO s100 Agency referred to',
      'REFERRED_DT t Referred',
    ]),
  ];
}

function performanceTables() {
  return [
    t('AE_BREACH', [
      'BREACH_ID i* Four-hour breach',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'BREACH_MINS i Minutes over the standard',
      'BREACH_REASON c4@AE_BREACH_REASON Reason',
      'VALIDATED_BY >STAFF Validated by',
      'NOTES s500 Notes',
    ]),
    t('AE_AMB_HANDOVER', [
      'HANDOVER_ID i* Ambulance handover',
      'ATTEND_ID >AE_ATTEND! Attendance',
      'AMB_SERVICE s3 Ambulance service (ODS)',
      'ARRIVED_DT t! Ambulance arrived',
      'HANDOVER_DT t Patient handed over',
      'CLEAR_DT t Crew clear',
      'DELAY_REASON c4@AE_HANDOVER_DELAY Delay reason',
    ]),
    t(
      'AE_ECDS_EXTRACT',
      [
        'ECDS_ID i* ECDS record sent',
        'ATTEND_ID >AE_ATTEND! Attendance',
        'CDS_EXTRACT_ID >IF_CDS_EXTRACT Extract',
        'SENT_DT t Sent',
        'VALID_FLAG b Passed validation',
      ],
      { stamps: false },
    ),
  ];
}

/** All AE_ tables. */
export function aeTables() {
  return [...attendanceTables(), ...clinicalTables(), ...performanceTables()];
}
