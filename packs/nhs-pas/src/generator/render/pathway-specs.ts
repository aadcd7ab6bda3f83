import type {
  OpWaitFact,
  OpWaitSuspensionFact,
  ReferralFact,
  RttEventFact,
  RttPathwayFact,
  RttPeriodFact,
} from '../cohort-facts.js';
import { commonColumns } from './common-columns.js';
import { legacyCode, legacyFlag, legacyText, ukDate, ukDateLoose } from './legacy-format.js';
import type { RenderEnv } from './render-env.js';
import type { TableSpec } from './table-spec.js';
import { flagYN, isoDate, tidy } from './target-format.js';

const q = (e: RenderEnv, table: string, id: number, field: string) => e.quirks.unit(table, id, field);
const spec = (e: RenderEnv, tfc: string) => e.ref.specialtyCode.get(tfc)!;
const staff = (e: RenderEnv, id: number) => e.ref.staffById.get(id)!.code;

export const pathwaySpec: TableSpec<RttPathwayFact> = (() => {
  const c = commonColumns<RttPathwayFact>('RTT_PATHWAY', 'PATHWAY_ID', (r) => r.start, true);
  return {
    source: 'RTT_PATHWAY',
    target: 'LOAD_RTT_PATHWAYS',
    legacy: {
      ...c.legacy,
      PPI: (r) => r.ppi,
      PPI_ORG: (r) => r.ppiIssuer,
      UBRN: (r) => r.ubrn ?? '',
      START_DT: (r) => ukDate(r.start),
      END_DT: (r) => ukDate(r.end),
      RTT_STATUS: (r, e) => e.codes.local('rtt_status', r.currentStatus, 'RTT_PATHWAY', r.id),
      RTT_FLAG: (r) => legacyFlag(r.rtt, '10'),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      PW_STATUS: (r) => (r.open ? 'O' : 'C'),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      PATIENT_PATHWAY_ID: (r) => r.ppi,
      PPI_ISSUER_CODE: (r) => r.ppiIssuer,
      UBRN: (r) => r.ubrn ?? '',
      PATHWAY_START_DATE: (r) => isoDate(r.start),
      PATHWAY_END_DATE: (r) => isoDate(r.end),
      CURRENT_RTT_STATUS: (r) => r.currentStatus,
      RTT_FLAG: (r) => flagYN(r.rtt),
      TREATMENT_FUNCTION: (r) => r.specialty,
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      PATHWAY_STATUS: (r) => (r.open ? 'O' : 'C'),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const referralSpec: TableSpec<ReferralFact> = (() => {
  const c = commonColumns<ReferralFact>('REFERRAL', 'REF_ID', (r) => r.received, true);
  return {
    source: 'REFERRAL',
    target: 'LOAD_REFERRALS',
    legacy: {
      ...c.legacy,
      PATHWAY_ID: (r) => (r.pathwayId === undefined ? '' : String(r.pathwayId)),
      REF_DT: (r, e) => ukDateLoose(r.referred, q(e, 'REFERRAL', r.id, 'RD')),
      REF_RCVD_DT: (r) => ukDate(r.received),
      REF_SRC: (r, e) => e.codes.local('referral_source', r.source, 'REFERRAL', r.id),
      REFERRER_CD: (r) => r.referrerCode ?? '',
      REFERRER_ORG: (r) => r.referrerOrg ?? '',
      PRIORITY: (r, e) => e.codes.local('priority', r.priority, 'REFERRAL', r.id),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      TEAM_CD: (r) => r.team,
      REF_TYPE: (r) => r.type,
      REASON: (r, e) => legacyText(r.reason, q(e, 'REFERRAL', r.id, 'X')),
      ADMIN_CAT: (r, e) => e.codes.local('admin_category', r.adminCategory, 'REFERRAL', r.id),
      UBRN: (r) => r.ubrn ?? '',
      REF_STATUS: (r) => r.status,
      OUTCOME_CD: (r, e) => legacyCode(r.outcomeCode, q(e, 'REFERRAL', r.id, 'O')),
      DISCH_DT: (r) => ukDate(r.discharged),
      DISCH_REASON: (r) => r.dischargeReason ?? '',
      COMMENTS: (r) => r.comment ?? '',
      LETTER_REF: (r) => r.letterRef,
      ACK_SENT: (r) => legacyFlag(r.ackSent),
      REC_STATUS: (r) => r.recStatus ?? 'A',
    },
    national: {
      ...c.national,
      LOADPATH_RECORD_NUMBER: (r) => (r.pathwayId === undefined ? '' : String(r.pathwayId)),
      REFERRAL_DATE: (r) => isoDate(r.referred),
      RECEIVED_DATE: (r) => isoDate(r.received),
      REFERRAL_SOURCE: (r) => r.source,
      REFERRER_CODE: (r) => r.referrerCode ?? '',
      REFERRER_ORG_CODE: (r) => r.referrerOrg ?? '',
      PRIORITY: (r) => r.priority,
      TREATMENT_FUNCTION: (r) => r.specialty,
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      TEAM_CODE: (r) => r.team,
      REFERRAL_TYPE: (r) => r.type,
      REFERRAL_REASON: (r) => tidy(r.reason),
      ADMIN_CATEGORY: (r) => r.adminCategory,
      UBRN: (r) => r.ubrn ?? '',
      REFERRAL_STATUS: (r) => r.status,
      OUTCOME_CODE: (r) => r.outcomeCode ?? '',
      DISCHARGE_DATE: (r) => isoDate(r.discharged),
      DISCHARGE_REASON: (r) => tidy(r.dischargeReason),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const periodSpec: TableSpec<RttPeriodFact> = (() => {
  const c = commonColumns<RttPeriodFact>('RTT_PERIOD', 'PERIOD_ID', (r) => r.clockStart, true);
  return {
    source: 'RTT_PERIOD',
    target: 'LOAD_RTT_PERIODS',
    legacy: {
      ...c.legacy,
      PATHWAY_ID: (_r, e) => String(e.pathway!.id),
      REF_ID: (r) => (r.referralId === undefined ? '' : String(r.referralId)),
      CLOCK_START_DT: (r) => ukDate(r.clockStart),
      CLOCK_STOP_DT: (r) => ukDate(r.clockStop),
      START_STATUS: (r, e) => e.codes.local('rtt_status', r.startStatus, 'RTT_PERIOD', r.id),
      STOP_STATUS: (r, e) => e.codes.local('rtt_status', r.stopStatus, 'RTT_PERIOD', r.id),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      PAUSE_DAYS: (r) => String(r.pauseDays),
      PER_STATUS: (r) => (r.clockStop === undefined ? 'O' : 'C'),
      BREACH_DT: (r) => ukDate(r.clockStart + 126),
    },
    national: {
      ...c.national,
      LOADPATH_RECORD_NUMBER: (_r, e) => String(e.pathway!.id),
      LOADREF_RECORD_NUMBER: (r) => (r.referralId === undefined ? '' : String(r.referralId)),
      CLOCK_START_DATE: (r) => isoDate(r.clockStart),
      CLOCK_STOP_DATE: (r) => isoDate(r.clockStop),
      START_RTT_STATUS: (r) => r.startStatus,
      STOP_RTT_STATUS: (r) => r.stopStatus ?? '',
      TREATMENT_FUNCTION: (r) => r.specialty,
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      PAUSE_DAYS: (r) => String(r.pauseDays),
      PERIOD_STATUS: (r) => (r.clockStop === undefined ? 'O' : 'C'),
      BREACH_DATE: (r) => isoDate(r.clockStart + 126),
    },
  };
})();

export const eventSpec: TableSpec<RttEventFact> = (() => {
  const c = commonColumns<RttEventFact>('RTT_EVENT', 'EVENT_ID', (r) => r.day, true);
  return {
    source: 'RTT_EVENT',
    target: 'LOAD_RTT_EVENTS',
    legacy: {
      ...c.legacy,
      PATHWAY_ID: (_r, e) => String(e.pathway!.id),
      PERIOD_ID: (_r, e) => String(e.period!.id),
      EVENT_DT: (r) => ukDate(r.day),
      RTT_STATUS: (r, e) => e.codes.local('rtt_status', r.status, 'RTT_EVENT', r.id),
      ACTION: (r) => r.action,
      ENC_TYPE: (r) => r.sourceType,
      ENC_ID: (r) => String(r.sourceId),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      LOADPATH_RECORD_NUMBER: (_r, e) => String(e.pathway!.id),
      LOADPER_RECORD_NUMBER: (_r, e) => String(e.period!.id),
      EVENT_DATE: (r) => isoDate(r.day),
      RTT_STATUS: (r) => r.status,
      RTT_ACTION: (r) => r.action,
      EVENT_SOURCE_TYPE: (r) => r.sourceType,
      EVENT_SOURCE_ID: (r) => String(r.sourceId),
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      TREATMENT_FUNCTION: (r) => r.specialty,
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const opWaitSpec: TableSpec<OpWaitFact> = (() => {
  const c = commonColumns<OpWaitFact>('OP_WLIST', 'OPWL_ID', (r) => r.added, true);
  return {
    source: 'OP_WLIST',
    target: 'LOAD_OPWL',
    legacy: {
      ...c.legacy,
      REF_ID: (r) => String(r.referralId),
      LIST_TYPE: (r) => r.listType,
      WL_DT: (r) => ukDate(r.added),
      TARGET_DT: (r) => ukDate(r.target),
      PRIORITY: (r, e) => e.codes.local('priority', r.priority, 'OP_WLIST', r.id),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      CLINIC_CD: (r, e) => e.ref.clinicById.get(r.clinicId)!.code,
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      WL_STATUS: (r) => r.status,
      REMOVAL_DT: (r) => ukDate(r.removed),
      REMOVAL_REASON: (r) => r.removalReason ?? '',
      PB_FLAG: (r) => legacyFlag(r.partialBooking),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      LOADREF_RECORD_NUMBER: (r) => String(r.referralId),
      LIST_TYPE: (r) => r.listType,
      WL_DATE: (r) => isoDate(r.added),
      TARGET_DATE: (r) => isoDate(r.target),
      PRIORITY: (r) => r.priority,
      TREATMENT_FUNCTION: (r) => r.specialty,
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      CLINIC_CODE: (r, e) => e.ref.clinicById.get(r.clinicId)!.code,
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      LIST_STATUS: (r) => r.status,
      REMOVAL_DATE: (r) => isoDate(r.removed),
      REMOVAL_REASON: (r) => tidy(r.removalReason),
      PARTIAL_BOOKING_FLAG: (r) => flagYN(r.partialBooking),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const opSuspensionSpec: TableSpec<OpWaitSuspensionFact> = (() => {
  const c = commonColumns<OpWaitSuspensionFact>('OP_WL_SUSP', 'OPSUSP_ID', (r) => r.start, true);
  return {
    source: 'OP_WL_SUSP',
    target: 'LOAD_OPWL_SUSPENSIONS',
    legacy: {
      ...c.legacy,
      OPWL_ID: (_r, e) => String(e.opWait!.id),
      SUSP_START_DT: (r) => ukDate(r.start),
      SUSP_END_DT: (r) => ukDate(r.end),
      SUSP_TYPE: (r) => r.type,
      REASON: (r) => r.reason,
    },
    national: {
      ...c.national,
      LOADOPWL_RECORD_NUMBER: (_r, e) => String(e.opWait!.id),
      SUSPENSION_START_DATE: (r) => isoDate(r.start),
      SUSPENSION_END_DATE: (r) => isoDate(r.end),
      SUSPENSION_TYPE: (r) => r.type,
      SUSPENSION_REASON: (r) => tidy(r.reason),
    },
  };
})();
