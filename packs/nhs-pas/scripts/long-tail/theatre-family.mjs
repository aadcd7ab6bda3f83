/**
 * TH_: theatres: suites and sessions, lists, cases with their timings, staff, equipment, implants, anaesthesia,
 * recovery and WHO checklists. Out of scope: the target EPR's theatre module is built and loaded separately.
 */
import { familyTable } from './table-spec.mjs';

const t = familyTable('theatres');

function sessionTables() {
  return [
    t('TH_THEATRE', [
      'THEATRE_CODE s8* Theatre',
      'THEATRE_NAME s60! Name',
      '>SITE! Site',
      'SUITE s30 Theatre suite',
      'LAMINAR_FLOW b Laminar flow',
      'DAY_CASE_ONLY b Day cases only',
      'ACTIVE_FLAG b Active',
    ]),
    t('TH_SESSION_TMPL', [
      'TMPL_ID i* Session template',
      'THEATRE_CODE >TH_THEATRE! Theatre',
      'WEEKDAY i! Day of week (1 = Monday)',
      'WEEK_PATTERN s5 Weeks of the month it runs (e.g. 1-3-5)',
      'AM_PM c2@TH_SESSION_PART AM, PM, all day, evening',
      '>SPECIALTY Specialty',
      'CONS_ID >STAFF Surgeon',
      'START_TM s5 Start time',
      'END_TM s5 End time',
    ]),
    t('TH_SESSION', [
      'TH_SESSION_ID i* Theatre session',
      'THEATRE_CODE >TH_THEATRE! Theatre',
      'TMPL_ID >TH_SESSION_TMPL Template it came from',
      'SESSION_DT d! Date',
      'AM_PM c2@TH_SESSION_PART Part of the day',
      '>SPECIALTY Specialty',
      'CONS_ID >STAFF Surgeon',
      'ANAES_ID >STAFF Anaesthetist',
      'PLANNED_START s5 Planned start',
      'PLANNED_END s5 Planned end',
      'STATUS c2@TH_SESSION_STATUS Planned, confirmed, cancelled, released',
      'CANCEL_REASON c4@TH_CANCEL_REASON Why the session was cancelled',
    ]),
    t('TH_SESSION_STAFF', [
      'SESS_STAFF_ID i* Rota row',
      'TH_SESSION_ID >TH_SESSION! Session',
      '>STAFF! Staff member',
      'ROLE c4@TH_STAFF_ROLE Surgeon, assistant, anaesthetist, scrub, ODP, runner',
      'START_TM s5 From',
      'END_TM s5 To',
    ]),
  ];
}

function caseTables() {
  return [
    t(
      'TH_CASE',
      [
        'CASE_ID i* Theatre case',
        '>PATIENT! Patient',
        'TH_SESSION_ID >TH_SESSION Session',
        'SPELL_ID >ADM_SPELL Admission',
        '>IP_WLIST Waiting list entry',
        'LIST_ORDER i Position on the list',
        'URGENCY c1@TH_NCEPOD NCEPOD urgency',
        'PLANNED_PROC s255 Planned procedure (text)',
        'PLANNED_OPCS s5 Planned procedure (OPCS-4)',
        'SURGEON_ID >STAFF Lead surgeon',
        'ANAES_TYPE c2@TH_ANAES_TYPE General, regional, local, sedation',
        'ASA_GRADE c1@TH_ASA ASA grade',
        'SIDE c1@TH_SIDE Left, right, bilateral, not applicable',
        'STATUS c2@TH_CASE_STATUS Booked, in progress, complete, cancelled',
        'CANCEL_REASON c4@TH_CANCEL_REASON On-the-day cancellation reason',
      ],
      { archive: true },
    ),
    t('TH_CASE_EVENT', [
      'CASE_EVENT_ID i* Case timing',
      'CASE_ID >TH_CASE! Case',
      'EVENT_TYPE c4@TH_EVENT Sent for, arrived, anaes start, knife to skin, closure, to recovery...',
      'EVENT_DT t! Time',
      'RECORDED_BY >SYS_USER Recorded by',
    ]),
    t('TH_CASE_STAFF', [
      'CASE_STAFF_ID i* Case staff row',
      'CASE_ID >TH_CASE! Case',
      '>STAFF! Staff member',
      'ROLE c4@TH_STAFF_ROLE Role',
      'IN_DT t Joined',
      'OUT_DT t Left',
    ]),
    t('TH_CASE_PROC', [
      'CASE_PROC_ID i* Procedure performed',
      'CASE_ID >TH_CASE! Case',
      'SEQ i! Position',
      'OPCS4 s5! OPCS-4 code',
      'SIDE c1@TH_SIDE Side',
      'OPERATOR_ID >STAFF Operator',
      'PROC_TEXT s255 Operation note heading',
    ]),
    t('TH_ANAES', [
      'ANAES_REC_ID i* Anaesthetic record',
      'CASE_ID >TH_CASE! Case',
      'ANAES_ID >STAFF! Anaesthetist',
      'ANAES_TYPE c2@TH_ANAES_TYPE Technique',
      'AIRWAY c4@TH_AIRWAY Airway device',
      'START_DT t Start',
      'END_DT t End',
      'COMPLICATIONS s500 Complications',
    ]),
    t('TH_RECOVERY', [
      'RECOVERY_ID i* Recovery stay',
      'CASE_ID >TH_CASE! Case',
      'ARRIVED_DT t! Arrived in recovery',
      'READY_DT t Fit for discharge from recovery',
      'LEFT_DT t Left recovery',
      'DEST c2@TH_RECOVERY_DEST Ward, critical care, home',
      'PAIN_SCORE i Pain score on leaving',
      'NURSE_ID >STAFF Recovery nurse',
    ]),
    t('TH_CHECKLIST', [
      'CHECKLIST_ID i* WHO surgical safety checklist',
      'CASE_ID >TH_CASE! Case',
      'SIGN_IN_DT t Sign in',
      'TIME_OUT_DT t Time out',
      'SIGN_OUT_DT t Sign out',
      'SITE_MARKED b Site marked',
      'CONSENT_CHECKED b Consent checked',
      'COMPLETED_BY >STAFF Completed by',
    ]),
    t('TH_SWAB_COUNT', [
      'SWAB_COUNT_ID i* Count',
      'CASE_ID >TH_CASE! Case',
      'COUNT_STAGE c2@TH_COUNT_STAGE Initial, closing, final',
      'SWABS i Swabs',
      'SHARPS i Sharps',
      'INSTRUMENTS i Instruments',
      'CORRECT_FLAG b Count correct',
      'COUNTED_BY >STAFF Counted by',
    ]),
  ];
}

function equipmentTables() {
  return [
    t('TH_EQUIP', [
      'EQUIP_CODE s12* Equipment item',
      'EQUIP_NAME s60! Name',
      'EQUIP_TYPE c4@TH_EQUIP_TYPE Type',
      'ASSET_NO s20 Estates asset number',
      'THEATRE_CODE >TH_THEATRE Usual theatre',
      'ACTIVE_FLAG b Active',
    ]),
    t('TH_EQUIP_SET', [
      'SET_CODE s12* Instrument set',
      'SET_NAME s60! Name',
      '>SPECIALTY Specialty',
      'ITEMS i Instruments in the set',
      'DECON_CYCLE_MINS i Decontamination cycle (minutes)',
    ]),
    t('TH_CASE_EQUIP', [
      'CASE_EQUIP_ID i* Equipment used',
      'CASE_ID >TH_CASE! Case',
      'EQUIP_CODE >TH_EQUIP Equipment',
      'SET_CODE >TH_EQUIP_SET Instrument set',
      'TRACE_NO s30 Set tracking number',
    ]),
    t('TH_IMPLANT', [
      'IMPLANT_CODE s20* Implant catalogue item',
      'DESCRIPTION s100! Description',
      'MANUFACTURER s60 Manufacturer',
      'CAT_NO s30 Catalogue number',
      'NJR_COMPONENT b Reported to the National Joint Registry',
      'UNIT_COST n Unit cost',
    ]),
    t('TH_CASE_IMPLANT', [
      'CASE_IMPLANT_ID i* Implant used',
      'CASE_ID >TH_CASE! Case',
      'IMPLANT_CODE >TH_IMPLANT! Implant',
      'LOT_NO s30 Lot number',
      'SERIAL_NO s30 Serial number',
      'EXPIRY_DT d Expiry',
      'QTY i Quantity',
    ]),
    t('TH_CONSUMABLE', [
      'CONSUMABLE_CODE s20* Consumable',
      'DESCRIPTION s100! Description',
      'SUPPLIER s60 Supplier',
      'UNIT_COST n Unit cost',
    ]),
    t('TH_CASE_CONSUMABLE', [
      'CASE_CONS_ID i* Consumable used',
      'CASE_ID >TH_CASE! Case',
      'CONSUMABLE_CODE >TH_CONSUMABLE! Consumable',
      'QTY i Quantity',
    ]),
  ];
}

/** All TH_ tables. */
export function theatreTables() {
  return [...sessionTables(), ...caseTables(), ...equipmentTables()];
}
