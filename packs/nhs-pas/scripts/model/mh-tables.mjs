// @ts-check
// biome-ignore-all format: one declaration per line keeps the model reviewable
import { CODE, TEXT } from './model-dsl.mjs';

/** Mental Health Act: detentions, their transfers and tribunals; care programme approach. */
export const mhTables = [
  {
    target: 'LOAD_MH_DETENTIONS', abbr: 'DET', source: 'MH_DETENTION', key: 'DETENTION_ID', domain: 'MH', patient: true,
    parents: [{ table: 'LOAD_ADT_ADMISSIONS', src: 'SPELL_ID', req: false, desc: 'Admission during which the patient is detained' }],
    fields: [
      ['MHA_SECTION', 'c:mha_section', 0, true, 'SECTION', 'Mental Health Act legal status'],
      ['START_DTTM', 't', 0, true, 'START_DT', 'When the detention started'],
      ['EXPIRY_DTTM', 't', 0, false, 'EXPIRY_DT', 'When the detention expires unless renewed'],
      ['END_DTTM', 't', 0, false, 'END_DT', 'When the detention ended'],
      ['END_REASON', 's', 60, false, 'END_REASON', 'Why the detention ended', { tf: TEXT }],
      ['RENEWAL_DATE', 'd', 0, false, 'RENEWAL_DT', 'Date the detention was last renewed'],
      ['CONSENT_TO_TREATMENT_DATE', 'd', 0, false, null, 'Date consent to treatment was recorded'],
      ['RESPONSIBLE_CLINICIAN', 's', 20, false, 'RC_CD', 'Local staff code of the responsible clinician', { tf: CODE }],
      ['AMHP_NAME', 's', 60, false, 'AMHP_NAME', 'Approved mental health professional', { tf: TEXT }],
      ['SITE_CODE', 's', 10, false, 'SITE_CD', 'Local site code', { tf: CODE }],
      ['WARD_CODE', 's', 10, false, 'WARD_CD', 'Local ward code', { tf: CODE }],
      ['DETENTION_STATUS', 's', 1, false, 'DET_STATUS', 'Detention status: A active, E ended', { tf: CODE }],
      ['COMMENTS', 's', 255, false, 'COMMENTS', 'Free-text notes', { tf: TEXT }],
    ],
    extras: [],
  },
  {
    target: 'LOAD_MH_TRANSFERS', abbr: 'MHTRF', source: 'MH_TRANSFER', key: 'TRANSFER_ID', domain: 'MH', patient: true,
    parents: [{ table: 'LOAD_MH_DETENTIONS', src: 'DETENTION_ID', req: true }],
    fields: [
      ['TRANSFER_DATE', 'd', 0, true, 'TRF_DT', 'Date of the transfer'],
      ['TRANSFER_TYPE', 's', 4, true, 'TRF_TYPE', 'Transfer type: SECT (section change), HOSP (hospital transfer)', { tf: CODE }],
      ['FROM_SECTION', 'c:mha_section', 0, false, 'FROM_SECTION', 'Legal status before the transfer'],
      ['TO_SECTION', 'c:mha_section', 0, false, 'TO_SECTION', 'Legal status after the transfer'],
      ['FROM_ORG_CODE', 's', 6, false, 'FROM_ORG', 'ODS code of the organisation transferred from', { tf: CODE }],
      ['TO_ORG_CODE', 's', 6, false, 'TO_ORG', 'ODS code of the organisation transferred to', { tf: CODE }],
      ['AUTHORISED_BY', 's', 35, false, 'AUTH_BY', 'Who authorised the transfer', { tf: TEXT }],
      ['COMMENTS', 's', 255, false, null, 'Free-text notes'],
    ],
    extras: [],
  },
  {
    target: 'LOAD_MH_TRIBUNALS', abbr: 'TRIB', source: 'MH_TRIBUNAL', key: 'TRIBUNAL_ID', domain: 'MH', patient: true,
    parents: [{ table: 'LOAD_MH_DETENTIONS', src: 'DETENTION_ID', req: true }],
    fields: [
      ['TRIBUNAL_TYPE', 's', 10, true, 'TRIB_TYPE', 'Hearing type: MHRT (tribunal), MGR (hospital managers)', { tf: CODE }],
      ['APPLICATION_DATE', 'd', 0, true, 'APPL_DT', 'Date of the application'],
      ['APPLIED_BY', 's', 10, false, 'APPL_BY', 'Applicant: PAT patient, NR nearest relative, REF referral', { tf: CODE }],
      ['HEARING_DATE', 'd', 0, false, 'HEARING_DT', 'Date of the hearing'],
      ['OUTCOME', 's', 10, false, 'OUTCOME', 'Outcome: DISCH, UPHELD, ADJ, WDRAWN', { tf: CODE }],
      ['OUTCOME_DATE', 'd', 0, false, 'OUTCOME_DT', 'Date of the outcome'],
      ['COMMENTS', 's', 255, false, 'COMMENTS', 'Free-text notes', { tf: TEXT }],
    ],
    extras: [],
  },
  {
    target: 'LOAD_MH_CPA', abbr: 'CPA', source: 'MH_CPA', key: 'CPA_ID', domain: 'MH', patient: true,
    fields: [
      ['CPA_LEVEL', 's', 10, false, 'CPA_LEVEL', 'Care level: CPA or STD', { tf: CODE }],
      ['START_DATE', 'd', 0, true, 'START_DT', 'Date the care programme started'],
      ['END_DATE', 'd', 0, false, 'END_DT', 'Date the care programme ended'],
      ['END_REASON', 's', 60, false, 'END_REASON', 'Why the care programme ended', { tf: TEXT }],
      ['CARE_COORDINATOR', 's', 20, false, 'COORD_CD', 'Local staff code of the care coordinator', { tf: CODE }],
      ['CARE_COORDINATOR_NAME', 's', 60, false, 'COORD_NAME', 'Care coordinator name as recorded', { tf: TEXT }],
      ['TEAM_CODE', 's', 10, false, 'TEAM_CD', 'Local team code', { tf: CODE }],
      ['LAST_REVIEW_DATE', 'd', 0, false, 'LAST_REVIEW_DT', 'Date of the last review'],
      ['NEXT_REVIEW_DATE', 'd', 0, false, 'NEXT_REVIEW_DT', 'Date of the next review'],
      ['S117_FLAG', 'f', 1, false, 'S117', 'Y when section 117 aftercare applies'],
      ['COMMENTS', 's', 255, false, null, 'Free-text notes'],
    ],
    extras: [],
  },
];
