/**
 * RAD_: radiology orders and the RIS tables held in the PAS: exam catalogue, rooms and modalities, orders,
 * appointments, exams, reports, dose and the DIDS extract. Out of scope: imaging stays in the RIS/PACS.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('radiology');

function catalogueTables() {
  return [
    t('RAD_MODALITY', [
      'MODALITY_CODE s4* Modality (CR, CT, MR, US, NM, XA...)',
      'MODALITY_NAME s60! Name',
      'DICOM_CODE s4 DICOM modality',
    ]),
    t('RAD_ROOM', [
      'ROOM_CODE s8* Imaging room',
      'ROOM_NAME s60! Name',
      '>SITE! Site',
      'MODALITY_CODE >RAD_MODALITY! Modality',
      'AE_TITLE s16 DICOM AE title',
      'ACTIVE_FLAG b Active',
    ]),
    t('RAD_EXAM_TYPE', [
      'EXAM_CODE s10* Examination',
      'EXAM_NAME s80! Name',
      'MODALITY_CODE >RAD_MODALITY! Modality',
      'NICIP_CODE s10 NICIP code',
      'SNOMED_CODE s18 SNOMED CT code',
      'BODY_PART s60 Body part',
      'DURATION_MINS i Slot length',
      'CONTRAST_FLAG b Usually needs contrast',
      'ACTIVE_FLAG b Active',
    ]),
    t('RAD_PROTOCOL', [
      'PROTOCOL_ID i* Protocol',
      'EXAM_CODE >RAD_EXAM_TYPE! Examination',
      'PROTOCOL_NAME s80! Name',
      'INSTRUCTIONS s2000 Instructions',
      'PREP_TEXT s1000 Patient preparation',
    ]),
  ];
}

function activityTables() {
  return [
    t(
      'RAD_ORDER',
      [
        'RAD_ORDER_ID i* Imaging request',
        '>PATIENT! Patient',
        'PLACER_ORDER_NO s22! Order number',
        'EXAM_CODE >RAD_EXAM_TYPE! Examination requested',
        'REQUESTER_ID >STAFF! Referrer',
        'REQUEST_DT t! Requested',
        'PRIORITY c1@RAD_PRIORITY Routine, urgent, 2WW, inpatient',
        'CLINICAL_INFO s1000 Clinical information',
        'PREGNANT c1@RAD_PREGNANCY Pregnancy status',
        'JUSTIFIED_BY >STAFF Justified by (IR(ME)R)',
        'STATUS c2@RAD_ORDER_STATUS Requested, vetted, booked, done, cancelled',
      ],
      { archive: true },
    ),
    t('RAD_VETTING', [
      'VETTING_ID i* Vetting decision',
      'RAD_ORDER_ID >RAD_ORDER! Request',
      'VETTED_BY >STAFF! Radiologist',
      'VETTED_DT t! Vetted',
      'OUTCOME c2@RAD_VET_OUTCOME Accept, change exam, reject',
      'PROTOCOL_ID >RAD_PROTOCOL Protocol',
      'NOTES s500 Notes',
    ]),
    t('RAD_APPT', [
      'RAD_APPT_ID i* Imaging appointment',
      'RAD_ORDER_ID >RAD_ORDER! Request',
      'ROOM_CODE >RAD_ROOM! Room',
      'APPT_DT t! Date/time',
      'ATTEND c1@ATTEND Attended or DNA',
      'CANCEL_REASON c4@CANC_REASON Cancellation reason',
    ]),
    t(
      'RAD_EXAM',
      [
        'RAD_EXAM_ID i* Examination performed',
        'RAD_ORDER_ID >RAD_ORDER! Request',
        'ACCESSION_NO s16! Accession number',
        'ROOM_CODE >RAD_ROOM Room',
        'START_DT t! Started',
        'END_DT t Finished',
        'RADIOGRAPHER_ID >STAFF Radiographer',
        'IMAGES i Images',
        'STUDY_UID s64 DICOM study instance UID',
      ],
      { archive: true },
    ),
    t('RAD_DOSE', [
      'RAD_DOSE_ID i* Dose record',
      'RAD_EXAM_ID >RAD_EXAM! Examination',
      'DAP n Dose area product (Gy.cm2)',
      'DLP n Dose length product (mGy.cm)',
      'FLUORO_SECS i Fluoroscopy time (s)',
      'EXPOSURES i Exposures',
    ]),
    t('RAD_CONTRAST', [
      'RAD_CONTRAST_ID i* Contrast given',
      'RAD_EXAM_ID >RAD_EXAM! Examination',
      'AGENT s60! Agent',
      'VOLUME_ML n Volume (ml)',
      'BATCH_NO s20 Batch',
      'REACTION b Reaction',
      'EGFR i eGFR checked before',
    ]),
    t('RAD_REPORT', [
      'RAD_REPORT_ID i* Report',
      'RAD_EXAM_ID >RAD_EXAM! Examination',
      'REPORT_TEXT s4000! Report',
      'REPORTED_BY >STAFF! Reporter',
      'REPORTED_DT t! Reported',
      'VERIFIED_DT t Verified',
      'UNEXPECTED_FINDING b Unexpected or urgent finding flagged',
      'STATUS c2@RAD_REPORT_STATUS Draft, verified, addended',
    ]),
    t('RAD_ADDENDUM', [
      'ADDENDUM_ID i* Addendum',
      'RAD_REPORT_ID >RAD_REPORT! Report',
      'ADDENDUM_TEXT s4000! Text',
      'ADDED_BY >STAFF! Added by',
      'ADDED_DT t! Added',
    ]),
    t(
      'RAD_DIDS_EXTRACT',
      [
        'DIDS_ID i* Diagnostic imaging data set row',
        'RAD_EXAM_ID >RAD_EXAM! Examination',
        'PERIOD_START d! Month',
        'SENT_DT t Sent',
        'VALID_FLAG b Passed validation',
      ],
      { stamps: false },
    ),
  ];
}

/** All RAD_ tables. */
export function radiologyTables() {
  return [...catalogueTables(), ...activityTables()];
}
