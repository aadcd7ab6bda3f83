import { dayFromIso, hhmmFromMinute } from '@ferry/core';
import { cohortSettings } from '../cohort-settings.js';
import type { ClinicRef, SiteRef, SpecialtyRef, StaffRef, WardRef } from '../reference-data.js';
import { commonColumns } from './common-columns.js';
import {
  legacyEmail,
  legacyFlag,
  legacyName,
  legacyPhone,
  legacyPostcode,
  legacyText,
  postcodeStyle,
  ukDate,
} from './legacy-format.js';
import type { RenderEnv } from './render-env.js';
import type { TableSpec } from './table-spec.js';
import { flagYN, isoDate, phoneDigits, postcodeForm, tidy } from './target-format.js';

const built = dayFromIso('2009-06-01');
const q = (e: RenderEnv, table: string, id: number, field: string) => e.quirks.unit(table, id, field);

export const staffSpec: TableSpec<StaffRef> = (() => {
  const c = commonColumns<StaffRef>('STAFF', 'STAFF_ID', (s) => Math.max(s.start, built), false);
  return {
    source: 'STAFF',
    target: 'LOAD_STAFF',
    legacy: {
      ...c.legacy,
      STAFF_CD: (s) => s.code,
      NAT_CODE: (s) => s.nationalCode ?? '',
      GMC_NO: (s) => s.gmc ?? '',
      STAFF_TYPE: (s) => s.type,
      TITLE: (s, e) => legacyName(s.title, q(e, 'STAFF', s.id, 'TITLE')),
      SURNAME: (s, e) => legacyName(s.surname, q(e, 'STAFF', s.id, 'SURNAME')),
      FORENAME: (s, e) => legacyName(s.forename, q(e, 'STAFF', s.id, 'FORENAME')),
      INITIALS: (s) => s.initials,
      MAIN_SPEC: (s, e) => e.codes.local('main_specialty', s.mainSpecialty, 'STAFF', s.id),
      JOB_TITLE: (s, e) => legacyText(s.jobTitle, q(e, 'STAFF', s.id, 'JOB')),
      EMAIL: (s, e) => legacyEmail(s.email, q(e, 'STAFF', s.id, 'EMAIL')),
      PHONE: (s, e) => legacyPhone(s.phone, q(e, 'STAFF', s.id, 'PHONE')),
      START_DT: (s) => ukDate(s.start),
      END_DT: (s) => ukDate(s.end),
      ACTIVE: (s) => legacyFlag(s.active),
      PAGER: (s) => s.pager ?? '',
      SECRETARY: (s) => s.secretary ?? '',
      ROOM: (s) => s.room ?? '',
    },
    national: {
      ...c.national,
      STAFF_CODE: (s) => s.code,
      NATIONAL_CODE: (s) => s.nationalCode ?? '',
      GMC_NUMBER: (s) => s.gmc ?? '',
      STAFF_TYPE: (s) => s.type,
      TITLE: (s) => s.title,
      SURNAME: (s) => s.surname.toUpperCase(),
      FORENAME: (s) => s.forename,
      INITIALS: (s) => s.initials,
      MAIN_SPECIALTY: (s) => s.mainSpecialty ?? '',
      JOB_TITLE: (s) => tidy(s.jobTitle),
      EMAIL: (s) => s.email.toLowerCase(),
      PHONE: (s, e) => phoneDigits(legacyPhone(s.phone, q(e, 'STAFF', s.id, 'PHONE'))),
      START_DATE: (s) => isoDate(s.start),
      END_DATE: (s) => isoDate(s.end),
      ACTIVE_FLAG: (s) => flagYN(s.active),
    },
  };
})();

export const siteSpec: TableSpec<SiteRef> = (() => {
  const c = commonColumns<SiteRef>('SITE', 'SITE_ID', (s) => Math.max(s.opened, built), false);
  const style = (s: SiteRef, e: RenderEnv) => postcodeStyle(q(e, 'SITE', s.id, 'PC'));
  return {
    source: 'SITE',
    target: 'LOAD_SITES',
    legacy: {
      ...c.legacy,
      SITE_CD: (s) => s.code,
      ODS_CD: (s) => s.ods,
      SITE_NAME: (s) => s.name,
      SHORT_NAME: (s) => s.shortName,
      SITE_TYPE: (s) => s.type,
      ADDR1: (s) => s.address.line1,
      ADDR2: (s) => s.address.line2,
      ADDR3: (s) => s.address.town,
      ADDR4: (s) => s.address.county,
      POSTCODE: (s, e) => legacyPostcode(s.address.postcode, style(s, e)),
      PHONE: (s, e) => legacyPhone(s.phone, q(e, 'SITE', s.id, 'PHONE')),
      TRUST_CD: () => cohortSettings.trustCode,
      ACTIVE: () => 'Y',
      OPEN_DT: (s) => ukDate(s.opened),
      CLOSE_DT: () => '',
      FAX: (s) => s.fax ?? '',
    },
    national: {
      ...c.national,
      SITE_CODE: (s) => s.code,
      ODS_SITE_CODE: (s) => s.ods,
      SITE_NAME: (s) => s.name,
      SHORT_NAME: (s) => s.shortName,
      SITE_TYPE: (s) => s.type,
      ADDRESS_LINE1: (s) => s.address.line1,
      ADDRESS_LINE2: (s) => s.address.line2,
      ADDRESS_LINE3: (s) => s.address.town,
      ADDRESS_LINE4: (s) => s.address.county,
      POSTCODE: (s) => postcodeForm(s.address.postcode),
      PHONE: (s, e) => phoneDigits(legacyPhone(s.phone, q(e, 'SITE', s.id, 'PHONE'))),
      PARENT_ORG_CODE: () => cohortSettings.trustCode,
      ACTIVE_FLAG: () => 'Y',
      START_DATE: (s) => isoDate(s.opened),
      END_DATE: () => '',
    },
  };
})();

export const wardSpec: TableSpec<WardRef> = (() => {
  const c = commonColumns<WardRef>('WARD', 'WARD_ID', (w) => Math.max(w.opened, built), false);
  const site = (w: WardRef, e: RenderEnv) => e.ref.siteById.get(w.siteId)!;
  return {
    source: 'WARD',
    target: 'LOAD_WARDS',
    legacy: {
      ...c.legacy,
      SITE_ID: (w) => String(w.siteId),
      WARD_CD: (w) => w.code,
      WARD_NAME: (w) => w.name,
      SITE_CD: (w, e) => site(w, e).code,
      WARD_TYPE: (w) => w.type,
      BEDS: (w) => String(w.beds),
      WARD_SEX: (w) => w.sex,
      SPEC_CD: (w, e) => (w.tfc ? e.ref.specialtyCode.get(w.tfc)! : ''),
      MH_FLAG: (w) => legacyFlag(w.mh, '10'),
      DC_FLAG: (w) => legacyFlag(w.dayCase, '10'),
      PHONE: (w, e) => legacyPhone(w.phone, q(e, 'WARD', w.id, 'PHONE')),
      ACTIVE: (w) => legacyFlag(w.active),
      OPEN_DT: (w) => ukDate(w.opened),
      CLOSE_DT: (w) => ukDate(w.closed),
      SISTER: (w) => w.sister,
    },
    national: {
      ...c.national,
      LOADSITE_RECORD_NUMBER: (w) => String(w.siteId),
      WARD_CODE: (w) => w.code,
      WARD_NAME: (w) => w.name,
      SITE_CODE: (w, e) => site(w, e).code,
      WARD_TYPE: (w) => w.type,
      BED_COUNT: (w) => String(w.beds),
      WARD_SEX: (w) => w.sex,
      TREATMENT_FUNCTION: (w) => w.tfc ?? '',
      MH_WARD_FLAG: (w) => flagYN(w.mh),
      DAY_CASE_FLAG: (w) => flagYN(w.dayCase),
      PHONE: (w, e) => phoneDigits(legacyPhone(w.phone, q(e, 'WARD', w.id, 'PHONE'))),
      ACTIVE_FLAG: (w) => flagYN(w.active),
      START_DATE: (w) => isoDate(w.opened),
      END_DATE: (w) => isoDate(w.closed),
    },
  };
})();

export const specialtySpec: TableSpec<SpecialtyRef> = (() => {
  const c = commonColumns<SpecialtyRef>('SPECIALTY', 'SPEC_ID', (s) => Math.max(s.start, built), false);
  return {
    source: 'SPECIALTY',
    target: 'LOAD_SPECIALTIES',
    legacy: {
      ...c.legacy,
      SPEC_CD: (s) => s.code,
      SPEC_NAME: (s) => s.name,
      DIVISION: (s) => s.division,
      RTT_FLAG: (s) => legacyFlag(s.rtt),
      PAED_FLAG: (s) => legacyFlag(s.paediatric),
      ACTIVE: (s) => legacyFlag(s.active),
      START_DT: (s) => ukDate(s.start),
      END_DT: (s) => ukDate(s.end),
    },
    national: {
      ...c.national,
      SPECIALTY_CODE: (s) => s.code,
      SPECIALTY_NAME: (s) => s.name,
      TREATMENT_FUNCTION: (s) => s.tfc,
      DIVISION: (s) => s.division,
      RTT_REPORTABLE_FLAG: (s) => flagYN(s.rtt),
      PAEDIATRIC_FLAG: (s) => flagYN(s.paediatric),
      ACTIVE_FLAG: (s) => flagYN(s.active),
      START_DATE: (s) => isoDate(s.start),
      END_DATE: (s) => isoDate(s.end),
    },
  };
})();

export const clinicSpec: TableSpec<ClinicRef> = (() => {
  const c = commonColumns<ClinicRef>('OP_CLINIC', 'CLINIC_ID', (k) => Math.max(k.start, built), false);
  const cons = (k: ClinicRef, e: RenderEnv) => e.ref.staffById.get(k.consultantId)!;
  const site = (k: ClinicRef, e: RenderEnv) => e.ref.siteById.get(k.siteId)!;
  return {
    source: 'OP_CLINIC',
    target: 'LOAD_CLINICS',
    legacy: {
      ...c.legacy,
      SITE_ID: (k) => String(k.siteId),
      CONS_ID: (k) => String(k.consultantId),
      CLINIC_CD: (k) => k.code,
      CLINIC_NAME: (k) => k.name,
      SITE_CD: (k, e) => site(k, e).code,
      CONS_CD: (k, e) => cons(k, e).code,
      SPEC_CD: (k, e) => e.ref.specialtyCode.get(k.tfc)!,
      CLIN_TYPE: (k) => k.type,
      SLOT_MINS: (k) => String(k.slotMins),
      NEW_SLOTS: (k) => String(k.newSlots),
      FU_SLOTS: (k) => String(k.fuSlots),
      ERS_FLAG: (k) => legacyFlag(k.ebooking),
      LOCATION: (k) => k.location,
      ACTIVE: () => 'Y',
      START_DT: (k) => ukDate(k.start),
      END_DT: () => '',
      COMMENTS: (k) => k.comments ?? '',
      LETTER_TEMPLATE: (k) => k.letterTemplate,
    },
    national: {
      ...c.national,
      LOADSITE_RECORD_NUMBER: (k) => String(k.siteId),
      LOADSTAFF_RECORD_NUMBER: (k) => String(k.consultantId),
      CLINIC_CODE: (k) => k.code,
      CLINIC_NAME: (k) => tidy(k.name),
      SITE_CODE: (k, e) => site(k, e).code,
      CONSULTANT_CODE: (k, e) => cons(k, e).code,
      TREATMENT_FUNCTION: (k) => k.tfc,
      CLINIC_TYPE: (k) => k.type,
      DEFAULT_SLOT_MINS: (k) => String(k.slotMins),
      NEW_SLOTS: (k) => String(k.newSlots),
      FOLLOWUP_SLOTS: (k) => String(k.fuSlots),
      EBOOKING_FLAG: (k) => flagYN(k.ebooking),
      LOCATION: (k) => tidy(k.location),
      ACTIVE_FLAG: () => 'Y',
      START_DATE: (k) => isoDate(k.start),
      END_DATE: () => '',
      COMMENTS: (k) => tidy(k.comments),
    },
  };
})();

/** A clinic session, by its index in the calendar. */
export interface SessionRow {
  id: number;
  index: number;
}

export const sessionSpec: TableSpec<SessionRow> = (() => {
  const c = commonColumns<SessionRow>(
    'OP_SESSION',
    'SESSION_ID',
    (s, e) => e.calendar.sessionDay[s.index]! - 90,
    false,
  );
  const clinic = (s: SessionRow, e: RenderEnv) => e.calendar.clinicOf(s.index);
  const day = (s: SessionRow, e: RenderEnv) => e.calendar.sessionDay[s.index]!;
  const times = (s: SessionRow, e: RenderEnv) => e.calendar.sessionTimes(s.index);
  const cancelled = (s: SessionRow, e: RenderEnv) => e.calendar.sessionCancelled[s.index] === 1;
  const consultant = (s: SessionRow, e: RenderEnv) => e.ref.staffById.get(clinic(s, e).consultantId)!.code;
  const siteCode = (s: SessionRow, e: RenderEnv) => e.ref.siteById.get(clinic(s, e).siteId)!.code;
  return {
    source: 'OP_SESSION',
    target: 'LOAD_CLINIC_SESSIONS',
    legacy: {
      ...c.legacy,
      CLINIC_ID: (s, e) => String(clinic(s, e).id),
      CLINIC_CD: (s, e) => clinic(s, e).code,
      SESS_DT: (s, e) => ukDate(day(s, e)),
      START_TM: (s, e) => hhmmFromMinute(times(s, e).start),
      END_TM: (s, e) => hhmmFromMinute(times(s, e).end),
      AM_PM: (s, e) => clinic(s, e).amPm,
      CONS_CD: consultant,
      SITE_CD: siteCode,
      SESS_STATUS: (s, e) => e.calendar.sessionStatus(s.index),
      CANC_DT: (s, e) => (cancelled(s, e) ? ukDate(e.calendar.sessionCancelDay[s.index]) : ''),
      CANC_REASON: (s, e) => (cancelled(s, e) ? e.calendar.cancelReason(s.index) : ''),
      MAX_SLOTS: (s, e) => String(e.calendar.slotsOf(s.index)),
      OVERBOOK: (s, e) => legacyFlag(e.calendar.sessionOverbook[s.index] === 1, '10'),
      COMMENTS: () => '',
    },
    national: {
      ...c.national,
      LOADCLIN_RECORD_NUMBER: (s, e) => String(clinic(s, e).id),
      CLINIC_CODE: (s, e) => clinic(s, e).code,
      SESSION_DATE: (s, e) => isoDate(day(s, e)),
      START_TIME: (s, e) => hhmmFromMinute(times(s, e).start),
      END_TIME: (s, e) => hhmmFromMinute(times(s, e).end),
      AM_PM: (s, e) => clinic(s, e).amPm,
      CONSULTANT_CODE: consultant,
      SITE_CODE: siteCode,
      SESSION_STATUS: (s, e) => e.calendar.sessionStatus(s.index),
      CANCEL_DATE: (s, e) => (cancelled(s, e) ? isoDate(e.calendar.sessionCancelDay[s.index]) : ''),
      CANCEL_REASON: (s, e) => (cancelled(s, e) ? e.calendar.cancelReason(s.index) : ''),
      MAX_SLOTS: (s, e) => String(e.calendar.slotsOf(s.index)),
      OVERBOOK_FLAG: (s, e) => flagYN(e.calendar.sessionOverbook[s.index] === 1),
      COMMENTS: () => '',
    },
  };
})();

/** A clinic slot: its session and position in the session. */
export interface SlotRow {
  id: number;
  session: number;
  k: number;
}

const slotStatus = (s: SlotRow, e: RenderEnv) => {
  const state = e.calendar.slotState[e.calendar.sessionSlotBase[s.session]! + s.k];
  return state === 1 ? 'B' : state === 2 ? 'X' : 'F';
};

export const slotSpec: TableSpec<SlotRow> = (() => {
  const c = commonColumns<SlotRow>('OP_SLOT', 'SLOT_ID', (s, e) => e.calendar.sessionDay[s.session]! - 90, false);
  const clinic = (s: SlotRow, e: RenderEnv) => e.calendar.clinicOf(s.session);
  return {
    source: 'OP_SLOT',
    target: 'LOAD_CLINIC_SLOTS',
    legacy: {
      ...c.legacy,
      SESSION_ID: (s, e) => String(e.calendar.firstSessionId + s.session),
      CLINIC_CD: (s, e) => clinic(s, e).code,
      SLOT_DT: (s, e) => ukDate(e.calendar.sessionDay[s.session]),
      SLOT_TM: (s, e) => hhmmFromMinute(e.calendar.slotMinute(s.session, s.k)),
      DURATION: (s, e) => String(clinic(s, e).slotMins),
      SLOT_TYPE: (s, e) => e.calendar.slotKind(s.session, s.k),
      SLOT_STATUS: slotStatus,
      BOOKABLE: (s, e) => legacyFlag(slotStatus(s, e) !== 'X', '10'),
    },
    national: {
      ...c.national,
      LOADSESS_RECORD_NUMBER: (s, e) => String(e.calendar.firstSessionId + s.session),
      CLINIC_CODE: (s, e) => clinic(s, e).code,
      SLOT_DATE: (s, e) => isoDate(e.calendar.sessionDay[s.session]),
      SLOT_TIME: (s, e) => hhmmFromMinute(e.calendar.slotMinute(s.session, s.k)),
      DURATION_MINS: (s, e) => String(clinic(s, e).slotMins),
      SLOT_TYPE: (s, e) => e.calendar.slotKind(s.session, s.k),
      SLOT_STATUS: slotStatus,
      BOOKABLE_FLAG: (s, e) => flagYN(slotStatus(s, e) !== 'X'),
    },
  };
})();
