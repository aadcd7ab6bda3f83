/**
 * COM_: community services run from the PAS: teams, caseloads, contacts and home visits, care plans, group
 * sessions, equipment loans and the CSDS extract. Out of scope: community moves with its own programme.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('community');

/** All COM_ tables. */
export function communityTables() {
  return [
    t('COM_TEAM', [
      'TEAM_CODE s8* Community team',
      'TEAM_NAME s60! Name',
      'TEAM_TYPE c4@COM_TEAM_TYPE District nursing, health visiting, therapy, specialist nursing...',
      '>SITE Base',
      'LEAD_ID >STAFF Team lead',
      'PHONE s20 Phone',
      'ACTIVE_FLAG b Active',
    ]),
    t('COM_TEAM_MEMBER', [
      'TEAM_MEMBER_ID i* Membership',
      'TEAM_CODE >COM_TEAM! Team',
      '>STAFF! Member',
      'ROLE c4@COM_ROLE Role',
      'START_DT d From',
      'END_DT d To',
    ]),
    t('COM_REFERRAL', [
      'COM_REF_ID i* Community referral',
      '>PATIENT! Patient',
      'TEAM_CODE >COM_TEAM! Team',
      'REF_DT d! Referred',
      'REF_SOURCE c2@REF_SRC Source',
      'REASON c4@COM_REF_REASON Reason',
      'PRIORITY c1@PRIORITY Priority',
      'ACCEPTED_DT d Accepted',
      'DISCH_DT d Discharged',
      'DISCH_REASON c4@COM_DISCH_REASON Discharge reason',
    ]),
    t('COM_CASELOAD', [
      'CASELOAD_ID i* Caseload entry',
      'COM_REF_ID >COM_REFERRAL! Referral',
      '>STAFF! Named clinician',
      'START_DT d! From',
      'END_DT d To',
    ]),
    t('COM_CONTACT', [
      'COM_CONTACT_ID i* Contact',
      'COM_REF_ID >COM_REFERRAL! Referral',
      '>PATIENT! Patient',
      'CONTACT_DT t! Date/time',
      'DURATION_MINS i Duration',
      'LOCATION c2@COM_LOCATION Home, clinic, school, care home, virtual',
      'CONTACT_TYPE c2@COM_CONTACT_TYPE Face to face, telephone, video',
      'ATTEND c1@ATTEND Attended or DNA',
      'CLINICIAN_ID >STAFF Clinician',
      'NOTES s2000 Notes',
    ]),
    t('COM_CONTACT_ACTIVITY', [
      'CONTACT_ACT_ID i* Activity at a contact',
      'COM_CONTACT_ID >COM_CONTACT! Contact',
      'ACTIVITY c6@COM_ACTIVITY Activity (wound care, injection, assessment...)',
      'SNOMED_CODE s18 SNOMED CT code',
      'MINUTES i Time spent',
    ]),
    t('COM_VISIT_SCHED', [
      'VISIT_SCHED_ID i* Planned visit',
      'COM_REF_ID >COM_REFERRAL! Referral',
      'DUE_DT d! Due',
      'TIME_WINDOW c2@COM_TIME_WINDOW Morning, afternoon, evening',
      '>STAFF Allocated to',
      'DONE_CONTACT_ID >COM_CONTACT Contact that fulfilled it',
    ]),
    t('COM_CARE_PLAN', [
      'CARE_PLAN_ID i* Care plan',
      'COM_REF_ID >COM_REFERRAL! Referral',
      'PLAN_TYPE c4@COM_PLAN_TYPE Plan type',
      'START_DT d! Start',
      'REVIEW_DT d Review',
      'END_DT d End',
      'AGREED_WITH_PATIENT b Agreed with the patient',
    ]),
    t('COM_CARE_GOAL', [
      'CARE_GOAL_ID i* Goal',
      'CARE_PLAN_ID >COM_CARE_PLAN! Care plan',
      'GOAL_TEXT s500! Goal',
      'TARGET_DT d Target',
      'OUTCOME c2@COM_GOAL_OUTCOME Met, partly met, not met',
    ]),
    t('COM_GROUP_SESSION', [
      'GROUP_SESSION_ID i* Group session',
      'TEAM_CODE >COM_TEAM! Team',
      'SESSION_DT t! Date/time',
      'TOPIC s100 Topic',
      'VENUE s100 Venue',
      'CAPACITY i Places',
    ]),
    t('COM_GROUP_ATTEND', [
      'GROUP_ATTEND_ID i* Attendance',
      'GROUP_SESSION_ID >COM_GROUP_SESSION! Session',
      '>PATIENT! Patient',
      'ATTEND c1@ATTEND Attended or DNA',
    ]),
    t('COM_EQUIP_LOAN', [
      'EQUIP_LOAN_ID i* Equipment loan',
      '>PATIENT! Patient',
      'EQUIP_TYPE c4@COM_EQUIP_TYPE Equipment (bed, hoist, commode...)',
      'ASSET_NO s20 Asset number',
      'DELIVERED_DT d Delivered',
      'COLLECTED_DT d Collected',
    ]),
    t('COM_MILEAGE', [
      'MILEAGE_ID i* Mileage claim line',
      '>STAFF! Clinician',
      'TRAVEL_DT d! Date',
      'MILES n Miles',
      'COM_CONTACT_ID >COM_CONTACT Contact travelled to',
    ]),
    t(
      'COM_CSDS_EXTRACT',
      [
        'CSDS_ID i* CSDS submission row',
        'COM_CONTACT_ID >COM_CONTACT! Contact',
        'PERIOD_START d! Month',
        'SENT_DT t Sent',
        'VALID_FLAG b Passed validation',
      ],
      { stamps: false },
    ),
  ];
}
