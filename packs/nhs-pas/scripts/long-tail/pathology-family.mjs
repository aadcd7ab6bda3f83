/**
 * PATH_: pathology order communications and results held in the PAS: test catalogue, requests, specimens,
 * results and reports, microbiology, histology and blood transfusion. Out of scope: results stay in the LIMS
 * and reach the new EPR through its own results interface.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('pathology');

function catalogueTables() {
  return [
    t('PATH_DISCIPLINE', [
      'DISCIPLINE_CODE s4* Discipline',
      'DISCIPLINE_NAME s60! Haematology, biochemistry, microbiology, histology...',
      'LAB_ORG s6 Laboratory (ODS)',
      'ACTIVE_FLAG b Active',
    ]),
    t('PATH_TEST', [
      'TEST_CODE s10* Test',
      'TEST_NAME s80! Name',
      'DISCIPLINE_CODE >PATH_DISCIPLINE! Discipline',
      'NPEX_CODE s20 National pathology exchange code',
      'SNOMED_CODE s18 SNOMED CT code',
      'SPECIMEN_TYPE c4@PATH_SPECIMEN_TYPE Specimen needed',
      'CONTAINER c4@PATH_CONTAINER Container',
      'UNITS s20 Result units',
      'TURNAROUND_HRS i Target turnaround (hours)',
      'ACTIVE_FLAG b Active',
    ]),
    t('PATH_TEST_SET', [
      'SET_CODE s10* Test profile (e.g. U&E, FBC, LFT)',
      'SET_NAME s80! Name',
      'DISCIPLINE_CODE >PATH_DISCIPLINE Discipline',
      'ACTIVE_FLAG b Active',
    ]),
    t('PATH_TEST_SET_ITEM', [
      'SET_CODE >PATH_TEST_SET* Profile',
      'TEST_CODE >PATH_TEST* Test in the profile',
      'SEQ i Display order',
    ]),
    t('PATH_REF_RANGE', [
      'REF_RANGE_ID i* Reference range',
      'TEST_CODE >PATH_TEST! Test',
      'SEX c1@SEX Sex (blank = both)',
      'AGE_FROM_DAYS i Age from (days)',
      'AGE_TO_DAYS i Age to (days)',
      'LOW_VALUE n Lower limit',
      'HIGH_VALUE n Upper limit',
      'CRIT_LOW n Critical low',
      'CRIT_HIGH n Critical high',
      'START_DT d Valid from',
    ]),
    t('PATH_ANALYSER', [
      'ANALYSER_CODE s10* Analyser',
      'ANALYSER_NAME s60! Name',
      'DISCIPLINE_CODE >PATH_DISCIPLINE Discipline',
      'SERIAL_NO s30 Serial number',
      'ACTIVE_FLAG b Active',
    ]),
  ];
}

function requestTables() {
  return [
    t(
      'PATH_REQ',
      [
        'PATH_REQ_ID i* Pathology request',
        '>PATIENT! Patient',
        'PLACER_ORDER_NO s22! Order number',
        'REQUESTER_ID >STAFF! Requesting clinician',
        'LOCATION_TYPE c2@PATH_LOC_TYPE Ward, clinic, ED, GP',
        '>WARD Requesting ward',
        '>OP_CLINIC Requesting clinic',
        'REQUEST_DT t! Requested',
        'PRIORITY c1@PATH_PRIORITY Routine, urgent, critical',
        'CLINICAL_DETAILS s1000 Clinical details',
        'STATUS c2@PATH_REQ_STATUS Requested, collected, received, reported, cancelled',
      ],
      { archive: true },
    ),
    t('PATH_REQ_TEST', [
      'REQ_TEST_ID i* Requested test',
      'PATH_REQ_ID >PATH_REQ! Request',
      'TEST_CODE >PATH_TEST Test',
      'SET_CODE >PATH_TEST_SET Profile',
      'STATUS c2@PATH_REQ_STATUS Status',
    ]),
    t('PATH_SPEC', [
      'SPEC_ID i* Specimen',
      'PATH_REQ_ID >PATH_REQ! Request',
      'LAB_NO s20! Laboratory number',
      'SPECIMEN_TYPE c4@PATH_SPECIMEN_TYPE Specimen type',
      'COLLECTED_DT t Collected',
      'COLLECTED_BY >STAFF Collected by',
      'RECEIVED_DT t Received in the laboratory',
      'REJECT_REASON c4@PATH_REJECT_REASON Why the specimen was rejected',
    ]),
    t(
      'PATH_RESULT',
      [
        'RESULT_ID i* Result',
        'SPEC_ID >PATH_SPEC! Specimen',
        'TEST_CODE >PATH_TEST! Test',
        'RESULT_VALUE s60 Value as reported',
        'NUMERIC_VALUE n Numeric value',
        'UNITS s20 Units',
        'ABNORMAL_FLAG c2@PATH_ABNORMAL Normal, low, high, critical',
        'ANALYSER_CODE >PATH_ANALYSER Analyser',
        'RESULT_DT t! Resulted',
        'AUTHORISED_BY >STAFF Authorised by',
        'STATUS c2@PATH_RESULT_STATUS Preliminary, final, amended',
      ],
      { archive: true },
    ),
    t('PATH_RESULT_COMMENT', [
      'RESULT_COMMENT_ID i* Comment',
      'RESULT_ID >PATH_RESULT! Result',
      'SEQ i! Line',
      'COMMENT_TEXT s1000! Text',
    ]),
    t('PATH_RESULT_ACK', [
      'RESULT_ACK_ID i* Result acknowledgement',
      'PATH_REQ_ID >PATH_REQ! Request',
      'ACK_BY >STAFF! Acknowledged by',
      'ACK_DT t! Acknowledged',
      'ACTION_TEXT s500 Action taken',
    ]),
    t('PATH_REPORT', [
      'PATH_REPORT_ID i* Narrative report',
      'PATH_REQ_ID >PATH_REQ! Request',
      'REPORT_TEXT s4000 Report',
      'REPORTED_BY >STAFF Reported by',
      'REPORTED_DT t Reported',
      'SNOMED_MORPH s18 Morphology (SNOMED CT)',
    ]),
    t('PATH_QC', [
      'QC_ID i* Quality control run',
      'ANALYSER_CODE >PATH_ANALYSER! Analyser',
      'TEST_CODE >PATH_TEST! Test',
      'RUN_DT t! Run',
      'QC_LEVEL c1@PATH_QC_LEVEL Control level',
      'QC_VALUE n Value',
      'ACCEPTED b Within limits',
    ]),
  ];
}

function specialistTables() {
  return [
    t('PATH_MICRO_ORG', [
      'MICRO_ORG_ID i* Organism isolated',
      'SPEC_ID >PATH_SPEC! Specimen',
      'ORGANISM_CODE c10@PATH_ORGANISM Organism',
      'GROWTH c2@PATH_GROWTH Growth quantity',
      'ALERT_ORG b Alert organism (MRSA, CPE...)',
    ]),
    t('PATH_MICRO_SENS', [
      'MICRO_SENS_ID i* Sensitivity',
      'MICRO_ORG_ID >PATH_MICRO_ORG! Organism',
      'ANTIBIOTIC c10@PATH_ANTIBIOTIC Antibiotic',
      'RESULT c1@PATH_SENS S sensitive, I intermediate, R resistant',
      'MIC n Minimum inhibitory concentration',
      'REPORTED b Reported to the clinician',
    ]),
    t('PATH_HISTO_BLOCK', [
      'BLOCK_ID i* Tissue block',
      'SPEC_ID >PATH_SPEC! Specimen',
      'BLOCK_LABEL s10! Block label',
      'SLIDES i Slides cut',
      'STAIN c4@PATH_STAIN Stain',
      'STORED_LOC s30 Block store location',
    ]),
    t('PATH_BLOOD_PRODUCT', [
      'BLOOD_UNIT_ID i* Blood unit',
      'DONATION_NO s16! Donation number',
      'PRODUCT c4@PATH_BLOOD_PRODUCT Product',
      'ABO_RH c3@PATH_BLOOD_GROUP Blood group',
      'EXPIRY_DT t Expiry',
      'STATUS c2@PATH_UNIT_STATUS In stock, issued, transfused, wasted',
    ]),
    t('PATH_TRANSFUSION', [
      'TRANSFUSION_ID i* Transfusion',
      '>PATIENT! Patient',
      'BLOOD_UNIT_ID >PATH_BLOOD_PRODUCT! Unit',
      'START_DT t! Started',
      'END_DT t Finished',
      'VOLUME_ML i Volume',
      'REACTION b Reaction',
      'ADMINISTERED_BY >STAFF Administered by',
      'FATE_CONFIRMED b Fate returned to the lab',
    ]),
  ];
}

/** All PATH_ tables. */
export function pathologyTables() {
  return [...catalogueTables(), ...requestTables(), ...specialistTables()];
}
