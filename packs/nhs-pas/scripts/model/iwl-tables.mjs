// @ts-check
// biome-ignore-all format: one declaration per line keeps the model reviewable
import { CODE, TEXT } from './model-dsl.mjs';

/** Inpatient waiting list: entries, suspensions and to-come-in offers (cancelled ones included). */
export const iwlTables = [
  {
    target: 'LOAD_IPWL', abbr: 'IPWL', source: 'IP_WLIST', key: 'IPWL_ID', domain: 'IWL', patient: true,
    parents: [{ table: 'LOAD_REFERRALS', src: 'REF_ID', req: false, desc: 'Referral the decision to admit was made on' }],
    fields: [
      ['DECISION_TO_ADMIT_DATE', 'd', 0, true, 'DTA_DT', 'Date of the decision to admit'],
      ['WL_DATE', 'd', 0, true, 'WL_DT', 'Date the patient was put on the list'],
      ['INTENDED_MANAGEMENT', 'c:intended_management', 0, true, 'INT_MGMT', 'Intended management'],
      ['ELECTIVE_ADMISSION_TYPE', 'c:elective_admission_type', 0, true, 'ELECT_TYPE', 'Waiting list, booked or planned'],
      ['PRIORITY', 'c:priority', 0, false, 'PRIORITY', 'Priority type'],
      ['TREATMENT_FUNCTION', 'c:treatment_function', 0, true, 'SPEC_CD', 'Treatment function of the list'],
      ['CONSULTANT_CODE', 's', 20, true, 'CONS_CD', 'Local staff code of the consultant', { tf: CODE }],
      ['SITE_CODE', 's', 10, false, 'SITE_CD', 'Local code of the intended site', { tf: CODE }],
      ['WARD_CODE', 's', 10, false, 'WARD_CD', 'Local code of the intended ward', { tf: CODE }],
      ['PLANNED_PROCEDURE', 's', 7, false, 'PLAN_OPCS', 'Planned OPCS-4 procedure', { tf: CODE }],
      ['PLANNED_PROCEDURE_TEXT', 's', 100, false, 'PLAN_PROC_TEXT', 'Planned procedure as described', { tf: TEXT }],
      ['ADMIN_CATEGORY', 'c:admin_category', 0, false, 'ADMIN_CAT', 'Administrative category'],
      ['ANAESTHETIC_TYPE', 's', 4, false, 'ANAES_TYPE', 'Anaesthetic type: GA, LA, SED, REG', { tf: CODE }],
      ['EXPECTED_LOS', 'i', 0, false, 'EXP_LOS', 'Expected length of stay in days'],
      ['LIST_STATUS', 's', 1, true, 'WL_STATUS', 'List status: W waiting, D deferred, L linked, A admitted, N not fit, C closed', { tf: CODE }],
      ['GUARANTEED_ADMISSION_DATE', 'd', 0, false, null, 'Guaranteed admission date'],
      ['REVIEW_DATE', 'd', 0, false, 'REVIEW_DT', 'Date the entry is to be reviewed'],
      ['REMOVAL_DATE', 'd', 0, false, 'REMOVAL_DT', 'Date the entry was removed'],
      ['REMOVAL_REASON', 's', 60, false, 'REMOVAL_REASON', 'Why the entry was removed', { tf: TEXT }],
      ['WAIT_RESET_DATE', 'd', 0, false, null, 'Override date for the start of the wait'],
      ['COMMENTS', 's', 255, false, 'COMMENTS', 'Free-text notes', { tf: TEXT }],
    ],
    extras: [['PREOP_CLINIC', 's', 10, 'Pre-operative assessment clinic code']],
  },
  {
    target: 'LOAD_IPWL_SUSPENSIONS', abbr: 'IPSUSP', source: 'IP_WL_SUSP', key: 'IPSUSP_ID', domain: 'IWL', patient: true,
    parents: [{ table: 'LOAD_IPWL', src: 'IPWL_ID', req: true }],
    fields: [
      ['SUSPENSION_START_DATE', 'd', 0, true, 'SUSP_START_DT', 'First day of the suspension'],
      ['SUSPENSION_END_DATE', 'd', 0, false, 'SUSP_END_DT', 'Last day of the suspension'],
      ['SUSPENSION_TYPE', 's', 4, false, 'SUSP_TYPE', 'Suspension type: MED (medical), SOC (social)', { tf: CODE }],
      ['SUSPENSION_REASON', 's', 60, false, 'REASON', 'Why the entry was suspended', { tf: TEXT }],
      ['COMMENTS', 's', 255, false, 'COMMENTS', 'Free-text notes', { tf: TEXT }],
    ],
    extras: [],
  },
  {
    target: 'LOAD_IPWL_TCIS', abbr: 'TCI', source: 'IP_TCI', key: 'TCI_ID', domain: 'IWL', patient: true,
    parents: [{ table: 'LOAD_IPWL', src: 'IPWL_ID', req: true }],
    fields: [
      ['OFFER_DATE', 'd', 0, false, 'OFFER_DT', 'Date the admission date was offered'],
      ['TCI_DATE', 'd', 0, true, 'TCI_DT', 'Date the patient is to come in'],
      ['TCI_TIME', 's', 5, false, 'TCI_TM', 'Time the patient is to come in (hh:mm)'],
      ['AGREED_DATE', 'd', 0, false, 'AGREED_DT', 'Date the patient agreed the offer'],
      ['PRE_OP_DATE', 'd', 0, false, 'PREOP_DT', 'Date of the pre-operative assessment'],
      ['SITE_CODE', 's', 10, false, 'SITE_CD', 'Local site code', { tf: CODE }],
      ['WARD_CODE', 's', 10, false, 'WARD_CD', 'Local ward code', { tf: CODE }],
      ['TCI_STATUS', 's', 1, true, 'TCI_STATUS', 'Offer status: B booked, A admitted, C cancelled, D did not attend', { tf: CODE }],
      ['TCI_OUTCOME', 's', 10, false, 'TCI_OUTCOME', 'Local outcome code of the offer', { tf: CODE }],
      ['CANCEL_DATE', 'd', 0, false, 'CANC_DT', 'Date the offer was cancelled'],
      ['CANCEL_REASON', 's', 60, false, 'CANC_REASON', 'Why the offer was cancelled', { tf: TEXT }],
      ['CANCELLED_BY', 's', 1, false, 'CANC_BY', 'Who cancelled: P patient, H hospital', { tf: CODE }],
      ['REASONABLE_OFFER_FLAG', 'f', 1, false, 'REASONABLE', 'Y when the offer counts as reasonable'],
      ['COMMENTS', 's', 255, false, null, 'Free-text notes'],
    ],
    extras: [],
  },
];
