import { hhmmFromMinute } from '@ferry/core';
import type { AppointmentFact, ClinicalCodeFact, IpWaitFact, IpWaitSuspensionFact, TciFact } from '../cohort-facts.js';
import { commonColumns } from './common-columns.js';
import { legacyCode, legacyFlag, legacyInt, legacyText, ukDate, ukDateTime } from './legacy-format.js';
import type { RenderEnv } from './render-env.js';
import type { TableSpec } from './table-spec.js';
import { flagYN, isoDate, isoDateTime, tidy } from './target-format.js';

const q = (e: RenderEnv, table: string, id: number, field: string) => e.quirks.unit(table, id, field);
const spec = (e: RenderEnv, tfc: string) => e.ref.specialtyCode.get(tfc)!;
const staff = (e: RenderEnv, id: number) => e.ref.staffById.get(id)!.code;
const opt = (n: number | undefined) => (n === undefined ? '' : String(n));

export const appointmentSpec: TableSpec<AppointmentFact> = (() => {
  const c = commonColumns<AppointmentFact>('OP_APPT', 'APPT_ID', (r) => r.booked, true);
  return {
    source: 'OP_APPT',
    target: 'LOAD_OPD_APPOINTMENTS',
    legacy: {
      ...c.legacy,
      REF_ID: (r) => String(r.referralId),
      SLOT_ID: (r) => opt(r.slotId),
      OPWL_ID: (r) => opt(r.opWaitId),
      APPT_DT: (r) => ukDateTime(r.at),
      BOOKED_DT: (r) => ukDate(r.booked),
      CLINIC_CD: (r, e) => e.ref.clinicById.get(r.clinicId)!.code,
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      CONS_CD: (r, e) => staff(e, r.consultantId),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      CONS_SPEC: (r, e) => e.codes.local('main_specialty', r.mainSpecialty, 'OP_APPT', r.id),
      VISIT_TYPE: (r, e) => e.codes.local('first_attendance', r.firstAttendance, 'OP_APPT', r.id),
      PRIORITY: (r, e) => e.codes.local('priority', r.priority, 'OP_APPT', r.id),
      BOOK_TYPE: (r) => r.bookingType,
      ATTEND: (r, e) => e.codes.local('attendance_status', r.attendance, 'OP_APPT', r.id),
      OUTCOME: (r, e) => e.codes.local('attendance_outcome', r.outcome, 'OP_APPT', r.id),
      ARRIVED_DT: (r) => ukDateTime(r.arrived),
      SEEN_DT: (r) => ukDateTime(r.seen),
      COMPLETE_DT: (r) => ukDateTime(r.completed),
      CANC_DT: (r) => ukDate(r.cancelled),
      CANC_REASON: (r) => r.cancelReason ?? '',
      CANC_BY: (r) => r.cancelledBy ?? '',
      RTT_ACTION: (r) => r.rttAction ?? '',
      RTT_STATUS: (r, e) => e.codes.local('rtt_status', r.rttStatus, 'OP_APPT', r.id),
      ADMIN_CAT: (r, e) => e.codes.local('admin_category', r.adminCategory, 'OP_APPT', r.id),
      TRANSPORT: (r) => legacyFlag(r.transport),
      COMMENTS: (r, e) => legacyText(r.comment, q(e, 'OP_APPT', r.id, 'C')),
      LETTER_PRINTED: (r) => legacyFlag(r.letterPrinted),
      SMS_SENT: (r) => legacyFlag(r.smsSent),
    },
    national: {
      ...c.national,
      LOADREF_RECORD_NUMBER: (r) => String(r.referralId),
      LOADSLOT_RECORD_NUMBER: (r) => opt(r.slotId),
      LOADOPWL_RECORD_NUMBER: (r) => opt(r.opWaitId),
      APPOINTMENT_DTTM: (r) => isoDateTime(r.at),
      BOOKED_DATE: (r) => isoDate(r.booked),
      CLINIC_CODE: (r, e) => e.ref.clinicById.get(r.clinicId)!.code,
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      TREATMENT_FUNCTION: (r) => r.specialty,
      MAIN_SPECIALTY: (r) => r.mainSpecialty,
      FIRST_ATTENDANCE: (r) => r.firstAttendance,
      PRIORITY: (r) => r.priority,
      BOOKING_TYPE: (r) => r.bookingType,
      ATTENDANCE_STATUS: (r) => r.attendance,
      ATTENDANCE_OUTCOME: (r) => r.outcome ?? '',
      ARRIVAL_DTTM: (r) => isoDateTime(r.arrived),
      SEEN_DTTM: (r) => isoDateTime(r.seen),
      COMPLETED_DTTM: (r) => isoDateTime(r.completed),
      CANCEL_DATE: (r) => isoDate(r.cancelled),
      CANCEL_REASON: (r) => tidy(r.cancelReason),
      CANCELLED_BY: (r) => r.cancelledBy ?? '',
      RTT_ACTION: (r) => r.rttAction ?? '',
      RTT_STATUS: (r) => r.rttStatus ?? '',
      ADMIN_CATEGORY: (r) => r.adminCategory,
      TRANSPORT_REQUIRED: (r) => flagYN(r.transport),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const opCodingSpec: TableSpec<ClinicalCodeFact> = (() => {
  const c = commonColumns<ClinicalCodeFact>('OP_APPT_CODING', 'OPCODE_ID', (r) => r.codedOn, true);
  return {
    source: 'OP_APPT_CODING',
    target: 'LOAD_OPD_CODING',
    legacy: {
      ...c.legacy,
      APPT_ID: (_r, e) => String(e.appointment!.id),
      SCHEME: (r) => r.scheme,
      CODE: (r, e) => legacyCode(r.code, q(e, 'OP_APPT_CODING', r.id, 'C')),
      SEQ_NO: (r) => String(r.seq),
      DESCRIPTION: (r) => r.description,
      PROC_DT: (r) => (r.scheme === 'OPCS4' ? ukDate(r.day) : ''),
      CODED_BY: (r) => r.codedBy,
      CODED_DT: (r) => ukDate(r.codedOn),
    },
    national: {
      ...c.national,
      LOADAPPT_RECORD_NUMBER: (_r, e) => String(e.appointment!.id),
      CODE_SCHEME: (r) => r.scheme,
      CLINICAL_CODE: (r) => r.code,
      SEQUENCE_NUMBER: (r) => String(r.seq),
      CODE_DESCRIPTION: (r) => tidy(r.description),
      PROCEDURE_DATE: (r) => (r.scheme === 'OPCS4' ? isoDate(r.day) : ''),
      CODED_BY: (r) => r.codedBy.toUpperCase(),
      CODED_DATE: (r) => isoDate(r.codedOn),
    },
  };
})();

export const ipWaitSpec: TableSpec<IpWaitFact> = (() => {
  const c = commonColumns<IpWaitFact>('IP_WLIST', 'IPWL_ID', (r) => r.listed, true);
  return {
    source: 'IP_WLIST',
    target: 'LOAD_IPWL',
    legacy: {
      ...c.legacy,
      REF_ID: (r) => opt(r.referralId),
      DTA_DT: (r) => ukDate(r.dta),
      WL_DT: (r) => ukDate(r.listed),
      INT_MGMT: (r, e) => e.codes.local('intended_management', r.intendedManagement, 'IP_WLIST', r.id),
      ELECT_TYPE: (r, e) => e.codes.local('elective_admission_type', r.electiveType, 'IP_WLIST', r.id),
      PRIORITY: (r, e) => e.codes.local('priority', r.priority, 'IP_WLIST', r.id),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      WARD_CD: (r, e) => e.ref.wardById.get(r.wardId)!.code,
      PLAN_OPCS: (r) => r.plannedProcedure,
      PLAN_PROC_TEXT: (r) => r.plannedProcedureText,
      ADMIN_CAT: (r, e) => e.codes.local('admin_category', r.adminCategory, 'IP_WLIST', r.id),
      ANAES_TYPE: (r) => r.anaesthetic,
      EXP_LOS: (r, e) => legacyInt(r.expectedLos, q(e, 'IP_WLIST', r.id, 'LOS')),
      WL_STATUS: (r) => r.status,
      REVIEW_DT: (r) => ukDate(r.review),
      REMOVAL_DT: (r) => ukDate(r.removed),
      REMOVAL_REASON: (r) => r.removalReason ?? '',
      COMMENTS: (r) => r.comment ?? '',
      PREOP_CLINIC: (r) => r.preOpClinic ?? '',
    },
    national: {
      ...c.national,
      LOADREF_RECORD_NUMBER: (r) => opt(r.referralId),
      DECISION_TO_ADMIT_DATE: (r) => isoDate(r.dta),
      WL_DATE: (r) => isoDate(r.listed),
      INTENDED_MANAGEMENT: (r) => r.intendedManagement,
      ELECTIVE_ADMISSION_TYPE: (r) => r.electiveType,
      PRIORITY: (r) => r.priority,
      TREATMENT_FUNCTION: (r) => r.specialty,
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      WARD_CODE: (r, e) => e.ref.wardById.get(r.wardId)!.code,
      PLANNED_PROCEDURE: (r) => r.plannedProcedure,
      PLANNED_PROCEDURE_TEXT: (r) => tidy(r.plannedProcedureText),
      ADMIN_CATEGORY: (r) => r.adminCategory,
      ANAESTHETIC_TYPE: (r) => r.anaesthetic,
      EXPECTED_LOS: (r) => String(r.expectedLos),
      LIST_STATUS: (r) => r.status,
      REVIEW_DATE: (r) => isoDate(r.review),
      REMOVAL_DATE: (r) => isoDate(r.removed),
      REMOVAL_REASON: (r) => tidy(r.removalReason),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const ipSuspensionSpec: TableSpec<IpWaitSuspensionFact> = (() => {
  const c = commonColumns<IpWaitSuspensionFact>('IP_WL_SUSP', 'IPSUSP_ID', (r) => r.start, true);
  return {
    source: 'IP_WL_SUSP',
    target: 'LOAD_IPWL_SUSPENSIONS',
    legacy: {
      ...c.legacy,
      IPWL_ID: (_r, e) => String(e.ipWait!.id),
      SUSP_START_DT: (r) => ukDate(r.start),
      SUSP_END_DT: (r) => ukDate(r.end),
      SUSP_TYPE: (r) => r.type,
      REASON: (r) => r.reason,
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      LOADIPWL_RECORD_NUMBER: (_r, e) => String(e.ipWait!.id),
      SUSPENSION_START_DATE: (r) => isoDate(r.start),
      SUSPENSION_END_DATE: (r) => isoDate(r.end),
      SUSPENSION_TYPE: (r) => r.type,
      SUSPENSION_REASON: (r) => tidy(r.reason),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const tciSpec: TableSpec<TciFact> = (() => {
  const c = commonColumns<TciFact>('IP_TCI', 'TCI_ID', (r) => r.offered, true);
  return {
    source: 'IP_TCI',
    target: 'LOAD_IPWL_TCIS',
    legacy: {
      ...c.legacy,
      IPWL_ID: (_r, e) => String(e.ipWait!.id),
      OFFER_DT: (r) => ukDate(r.offered),
      TCI_DT: (r) => ukDate(r.tciDay),
      TCI_TM: (r) => hhmmFromMinute(r.tciTime),
      AGREED_DT: (r) => ukDate(r.agreed),
      PREOP_DT: (r) => ukDate(r.preOp),
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      WARD_CD: (r, e) => e.ref.wardById.get(r.wardId)!.code,
      TCI_STATUS: (r) => r.status,
      TCI_OUTCOME: (r) => r.outcome ?? '',
      CANC_DT: (r) => ukDate(r.cancelled),
      CANC_REASON: (r) => r.cancelReason ?? '',
      CANC_BY: (r) => r.cancelledBy ?? '',
      REASONABLE: (r) => legacyFlag(r.reasonable),
    },
    national: {
      ...c.national,
      LOADIPWL_RECORD_NUMBER: (_r, e) => String(e.ipWait!.id),
      OFFER_DATE: (r) => isoDate(r.offered),
      TCI_DATE: (r) => isoDate(r.tciDay),
      TCI_TIME: (r) => hhmmFromMinute(r.tciTime),
      AGREED_DATE: (r) => isoDate(r.agreed),
      PRE_OP_DATE: (r) => isoDate(r.preOp),
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      WARD_CODE: (r, e) => e.ref.wardById.get(r.wardId)!.code,
      TCI_STATUS: (r) => r.status,
      TCI_OUTCOME: (r) => r.outcome ?? '',
      CANCEL_DATE: (r) => isoDate(r.cancelled),
      CANCEL_REASON: (r) => tidy(r.cancelReason),
      CANCELLED_BY: (r) => r.cancelledBy ?? '',
      REASONABLE_OFFER_FLAG: (r) => flagYN(r.reasonable),
    },
  };
})();
