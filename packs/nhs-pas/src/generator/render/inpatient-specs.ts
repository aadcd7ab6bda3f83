import type { ClinicalCodeFact, EpisodeFact, SpellFact, WardStayFact } from '../cohort-facts.js';
import { commonColumns } from './common-columns.js';
import { legacyCode, legacyFlag, legacyText, ukDate, ukDateTime } from './legacy-format.js';
import type { RenderEnv } from './render-env.js';
import type { TableSpec } from './table-spec.js';
import { flagYN, isoDate, isoDateTime, tidy } from './target-format.js';

const q = (e: RenderEnv, table: string, id: number, field: string) => e.quirks.unit(table, id, field);
const spec = (e: RenderEnv, tfc: string) => e.ref.specialtyCode.get(tfc)!;
const staff = (e: RenderEnv, id: number | undefined) => (id === undefined ? '' : e.ref.staffById.get(id)!.code);
const ward = (e: RenderEnv, id: number | undefined) => (id === undefined ? '' : e.ref.wardById.get(id)!.code);

export const spellSpec: TableSpec<SpellFact> = (() => {
  const c = commonColumns<SpellFact>('ADM_SPELL', 'SPELL_ID', (r) => r.admitted, true, true);
  return {
    source: 'ADM_SPELL',
    target: 'LOAD_ADT_ADMISSIONS',
    legacy: {
      ...c.legacy,
      IPWL_ID: (r) => (r.ipWaitId === undefined ? '' : String(r.ipWaitId)),
      SPELL_NO: (r) => r.spellNumber,
      ADM_DT: (r) => ukDateTime(r.admitted),
      ADM_METH: (r, e) => e.codes.local('admission_method', r.method, 'ADM_SPELL', r.id),
      ADM_SRC: (r, e) => e.codes.local('admission_source', r.source, 'ADM_SPELL', r.id),
      PAT_CLASS: (r, e) => e.codes.local('patient_classification', r.classification, 'ADM_SPELL', r.id),
      ADMIN_CAT: (r, e) => e.codes.local('admin_category', r.adminCategory, 'ADM_SPELL', r.id),
      INT_MGMT: (r, e) => e.codes.local('intended_management', r.intendedManagement, 'ADM_SPELL', r.id),
      DTA_DT: (r) => ukDate(r.dta),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      ADM_WARD: (r, e) => ward(e, r.admissionWardId),
      REFERRER_CD: (r) => r.referrerCode ?? '',
      REFERRER_ORG: (r) => r.referrerOrg ?? '',
      EDD: (r) => ukDate(r.expectedDischarge),
      DIS_DT: (r) => ukDateTime(r.discharged),
      DIS_METH: (r, e) => e.codes.local('discharge_method', r.dischargeMethod, 'ADM_SPELL', r.id),
      DIS_DEST: (r, e) => e.codes.local('discharge_destination', r.dischargeDestination, 'ADM_SPELL', r.id),
      DIS_WARD: (r, e) => ward(e, r.dischargeWardId),
      RTT_ACTION: (r) => r.rttAction ?? '',
      RTT_STATUS: (r, e) => e.codes.local('rtt_status', r.rttStatus, 'ADM_SPELL', r.id),
      COMMENTS: (r, e) => legacyText(r.comment, q(e, 'ADM_SPELL', r.id, 'C')),
      BED_REQ_NO: (r) => r.bedRequest ?? '',
      REC_STATUS: (r) => r.recStatus ?? 'A',
    },
    national: {
      ...c.national,
      LOADIPWL_RECORD_NUMBER: (r) => (r.ipWaitId === undefined ? '' : String(r.ipWaitId)),
      SPELL_NUMBER: (r) => r.spellNumber,
      ADMISSION_DTTM: (r) => isoDateTime(r.admitted),
      ADMISSION_METHOD: (r) => r.method,
      ADMISSION_SOURCE: (r) => r.source,
      PATIENT_CLASSIFICATION: (r) => r.classification,
      ADMIN_CATEGORY: (r) => r.adminCategory,
      INTENDED_MANAGEMENT: (r) => r.intendedManagement,
      DECISION_TO_ADMIT_DATE: (r) => isoDate(r.dta),
      ADMITTING_CONSULTANT: (r, e) => staff(e, r.consultantId),
      TREATMENT_FUNCTION: (r) => r.specialty,
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      ADMISSION_WARD: (r, e) => ward(e, r.admissionWardId),
      REFERRER_CODE: (r) => r.referrerCode ?? '',
      REFERRER_ORG_CODE: (r) => r.referrerOrg ?? '',
      EXPECTED_DISCHARGE_DATE: (r) => isoDate(r.expectedDischarge),
      DISCHARGE_DTTM: (r) => isoDateTime(r.discharged),
      DISCHARGE_METHOD: (r) => r.dischargeMethod ?? '',
      DISCHARGE_DESTINATION: (r) => r.dischargeDestination ?? '',
      DISCHARGE_WARD: (r, e) => ward(e, r.dischargeWardId),
      RTT_ACTION: (r) => r.rttAction ?? '',
      RTT_STATUS: (r) => r.rttStatus ?? '',
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const episodeSpec: TableSpec<EpisodeFact> = (() => {
  const c = commonColumns<EpisodeFact>('ADM_EPISODE', 'EPISODE_ID', (r) => r.start, true, true);
  return {
    source: 'ADM_EPISODE',
    target: 'LOAD_ADT_EPISODES',
    legacy: {
      ...c.legacy,
      SPELL_ID: (_r, e) => String(e.spell!.id),
      EPI_NO: (r) => String(r.number),
      EPI_START_DT: (r) => ukDateTime(r.start),
      EPI_END_DT: (r) => ukDateTime(r.end),
      CONS_CD: (r, e) => staff(e, r.consultantId),
      CONS_SPEC: (r, e) => e.codes.local('main_specialty', r.mainSpecialty, 'ADM_EPISODE', r.id),
      SPEC_CD: (r, e) => spec(e, r.specialty),
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      TEAM_CD: (r) => r.team,
      LAST_EPI: (r) => legacyFlag(r.last),
      CODING_STATUS: (r) => r.codingStatus,
    },
    national: {
      ...c.national,
      LOADADM_RECORD_NUMBER: (_r, e) => String(e.spell!.id),
      EPISODE_NUMBER: (r) => String(r.number),
      EPISODE_START_DTTM: (r) => isoDateTime(r.start),
      EPISODE_END_DTTM: (r) => isoDateTime(r.end),
      CONSULTANT_CODE: (r, e) => staff(e, r.consultantId),
      MAIN_SPECIALTY: (r) => r.mainSpecialty,
      TREATMENT_FUNCTION: (r) => r.specialty,
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      TEAM_CODE: (r) => r.team,
      LAST_EPISODE_FLAG: (r) => flagYN(r.last),
      CODING_STATUS: (r) => r.codingStatus,
    },
  };
})();

export const wardStaySpec: TableSpec<WardStayFact> = (() => {
  const c = commonColumns<WardStayFact>('ADM_WARDSTAY', 'WARDSTAY_ID', (r) => r.start, true, true);
  const site = (r: WardStayFact, e: RenderEnv) => e.ref.siteById.get(e.ref.wardById.get(r.wardId)!.siteId)!.code;
  return {
    source: 'ADM_WARDSTAY',
    target: 'LOAD_ADT_WARDSTAYS',
    legacy: {
      ...c.legacy,
      SPELL_ID: (_r, e) => String(e.spell!.id),
      EPISODE_ID: (_r, e) => String(e.episode!.id),
      WARD_CD: (r, e) => ward(e, r.wardId),
      SITE_CD: site,
      BED_NO: (r, e) => legacyCode(r.bed, q(e, 'ADM_WARDSTAY', r.id, 'B')),
      START_DT: (r) => ukDateTime(r.start),
      END_DT: (r) => ukDateTime(r.end),
      LEAVE_FLAG: (r) => legacyFlag(r.leave),
      AWOL_FLAG: (r) => legacyFlag(r.awol),
      TRF_REASON: (r) => r.transferReason ?? '',
    },
    national: {
      ...c.national,
      LOADADM_RECORD_NUMBER: (_r, e) => String(e.spell!.id),
      LOADEPI_RECORD_NUMBER: (_r, e) => String(e.episode!.id),
      WARD_CODE: (r, e) => ward(e, r.wardId),
      SITE_CODE: site,
      BED_NUMBER: (r) => r.bed,
      START_DTTM: (r) => isoDateTime(r.start),
      END_DTTM: (r) => isoDateTime(r.end),
      LEAVE_FLAG: (r) => flagYN(r.leave),
      AWOL_FLAG: (r) => flagYN(r.awol),
      TRANSFER_REASON: (r) => tidy(r.transferReason),
    },
  };
})();

export const diagnosisSpec: TableSpec<ClinicalCodeFact> = (() => {
  const c = commonColumns<ClinicalCodeFact>('CODE_DIAG', 'DIAG_ID', (r) => r.codedOn, true);
  return {
    source: 'CODE_DIAG',
    target: 'LOAD_CODING_DIAGNOSES',
    legacy: {
      ...c.legacy,
      EPISODE_ID: (_r, e) => String(e.episode!.id),
      DIAG_CD: (r, e) => legacyCode(r.code, q(e, 'CODE_DIAG', r.id, 'C')),
      SEQ_NO: (r) => String(r.seq),
      PRIMARY_FLAG: (r) => legacyFlag(r.seq === 1),
      DIAG_DESC: (r) => r.description,
      CODED_BY: (r) => r.codedBy,
      CODED_DT: (r) => ukDate(r.codedOn),
    },
    national: {
      ...c.national,
      LOADEPI_RECORD_NUMBER: (_r, e) => String(e.episode!.id),
      DIAGNOSIS_CODE: (r) => r.code,
      SEQUENCE_NUMBER: (r) => String(r.seq),
      PRIMARY_FLAG: (r) => flagYN(r.seq === 1),
      DIAGNOSIS_DESCRIPTION: (r) => tidy(r.description),
      CODED_BY: (r) => r.codedBy.toUpperCase(),
      CODED_DATE: (r) => isoDate(r.codedOn),
    },
  };
})();

type ProcedureRow = EpisodeFact['procedures'][number];

export const procedureSpec: TableSpec<ProcedureRow> = (() => {
  const c = commonColumns<ProcedureRow>('CODE_PROC', 'PROC_ID', (r) => r.codedOn, true);
  return {
    source: 'CODE_PROC',
    target: 'LOAD_CODING_PROCEDURES',
    legacy: {
      ...c.legacy,
      EPISODE_ID: (_r, e) => String(e.episode!.id),
      PROC_CD: (r, e) => legacyCode(r.code, q(e, 'CODE_PROC', r.id, 'C')),
      SEQ_NO: (r) => String(r.seq),
      PROC_DT: (r) => ukDate(r.day),
      PROC_DESC: (r) => r.description,
      SURGEON_CD: (r, e) => staff(e, r.operatorId),
      ANAES_CD: (r, e) => staff(e, r.anaesthetistId),
      CODED_BY: (r) => r.codedBy,
      CODED_DT: (r) => ukDate(r.codedOn),
    },
    national: {
      ...c.national,
      LOADEPI_RECORD_NUMBER: (_r, e) => String(e.episode!.id),
      PROCEDURE_CODE: (r) => r.code,
      SEQUENCE_NUMBER: (r) => String(r.seq),
      PROCEDURE_DATE: (r) => isoDate(r.day),
      PROCEDURE_DESCRIPTION: (r) => tidy(r.description),
      OPERATOR_CODE: (r, e) => staff(e, r.operatorId),
      ANAESTHETIST_CODE: (r, e) => staff(e, r.anaesthetistId),
      CODED_BY: (r) => r.codedBy.toUpperCase(),
      CODED_DATE: (r) => isoDate(r.codedOn),
    },
  };
})();
