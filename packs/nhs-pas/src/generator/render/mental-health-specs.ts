import type { CpaFact, DetentionFact, DetentionTransferFact, TribunalFact } from '../cohort-facts.js';
import { commonColumns } from './common-columns.js';
import { legacyFlag, ukDate, ukDateTime } from './legacy-format.js';
import type { RenderEnv } from './render-env.js';
import type { TableSpec } from './table-spec.js';
import { flagYN, isoDate, isoDateTime, tidy } from './target-format.js';

const staff = (e: RenderEnv, id: number) => e.ref.staffById.get(id)!;

export const detentionSpec: TableSpec<DetentionFact> = (() => {
  const c = commonColumns<DetentionFact>('MH_DETENTION', 'DETENTION_ID', (r) => r.start, true, true);
  return {
    source: 'MH_DETENTION',
    target: 'LOAD_MH_DETENTIONS',
    legacy: {
      ...c.legacy,
      SPELL_ID: (r) => (r.spellId === undefined ? '' : String(r.spellId)),
      SECTION: (r, e) => e.codes.local('mha_section', r.section, 'MH_DETENTION', r.id),
      START_DT: (r) => ukDateTime(r.start),
      EXPIRY_DT: (r) => ukDateTime(r.expiry),
      END_DT: (r) => ukDateTime(r.end),
      END_REASON: (r) => r.endReason ?? '',
      RENEWAL_DT: (r) => ukDate(r.renewed),
      RC_CD: (r, e) => staff(e, r.clinicianId).code,
      AMHP_NAME: (r) => r.amhp,
      SITE_CD: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      WARD_CD: (r, e) => e.ref.wardById.get(r.wardId)!.code,
      DET_STATUS: (r) => r.status,
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      LOADADM_RECORD_NUMBER: (r) => (r.spellId === undefined ? '' : String(r.spellId)),
      MHA_SECTION: (r) => r.section,
      START_DTTM: (r) => isoDateTime(r.start),
      EXPIRY_DTTM: (r) => isoDateTime(r.expiry),
      END_DTTM: (r) => isoDateTime(r.end),
      END_REASON: (r) => tidy(r.endReason),
      RENEWAL_DATE: (r) => isoDate(r.renewed),
      RESPONSIBLE_CLINICIAN: (r, e) => staff(e, r.clinicianId).code,
      AMHP_NAME: (r) => tidy(r.amhp),
      SITE_CODE: (r, e) => e.ref.siteById.get(r.siteId)!.code,
      WARD_CODE: (r, e) => e.ref.wardById.get(r.wardId)!.code,
      DETENTION_STATUS: (r) => r.status,
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const mhTransferSpec: TableSpec<DetentionTransferFact> = (() => {
  const c = commonColumns<DetentionTransferFact>('MH_TRANSFER', 'TRANSFER_ID', (r) => r.day, true);
  return {
    source: 'MH_TRANSFER',
    target: 'LOAD_MH_TRANSFERS',
    legacy: {
      ...c.legacy,
      DETENTION_ID: (_r, e) => String(e.detention!.id),
      TRF_DT: (r) => ukDate(r.day),
      TRF_TYPE: (r) => r.type,
      FROM_SECTION: (r, e) => e.codes.local('mha_section', r.fromSection, 'MH_TRANSFER', r.id),
      TO_SECTION: (r, e) => e.codes.local('mha_section', r.toSection, 'MH_TRANSFER', r.id),
      FROM_ORG: (r) => r.fromOrg ?? '',
      TO_ORG: (r) => r.toOrg ?? '',
      AUTH_BY: (r) => r.authorisedBy ?? '',
    },
    national: {
      ...c.national,
      LOADDET_RECORD_NUMBER: (_r, e) => String(e.detention!.id),
      TRANSFER_DATE: (r) => isoDate(r.day),
      TRANSFER_TYPE: (r) => r.type,
      FROM_SECTION: (r) => r.fromSection ?? '',
      TO_SECTION: (r) => r.toSection ?? '',
      FROM_ORG_CODE: (r) => r.fromOrg ?? '',
      TO_ORG_CODE: (r) => r.toOrg ?? '',
      AUTHORISED_BY: (r) => tidy(r.authorisedBy),
    },
  };
})();

export const tribunalSpec: TableSpec<TribunalFact> = (() => {
  const c = commonColumns<TribunalFact>('MH_TRIBUNAL', 'TRIBUNAL_ID', (r) => r.applied, true);
  return {
    source: 'MH_TRIBUNAL',
    target: 'LOAD_MH_TRIBUNALS',
    legacy: {
      ...c.legacy,
      DETENTION_ID: (_r, e) => String(e.detention!.id),
      TRIB_TYPE: (r) => r.type,
      APPL_DT: (r) => ukDate(r.applied),
      APPL_BY: (r) => r.appliedBy,
      HEARING_DT: (r) => ukDate(r.hearing),
      OUTCOME: (r) => r.outcome ?? '',
      OUTCOME_DT: (r) => ukDate(r.outcomeDay),
      COMMENTS: (r) => r.comment ?? '',
    },
    national: {
      ...c.national,
      LOADDET_RECORD_NUMBER: (_r, e) => String(e.detention!.id),
      TRIBUNAL_TYPE: (r) => r.type,
      APPLICATION_DATE: (r) => isoDate(r.applied),
      APPLIED_BY: (r) => r.appliedBy,
      HEARING_DATE: (r) => isoDate(r.hearing),
      OUTCOME: (r) => r.outcome ?? '',
      OUTCOME_DATE: (r) => isoDate(r.outcomeDay),
      COMMENTS: (r) => tidy(r.comment),
    },
  };
})();

export const cpaSpec: TableSpec<CpaFact> = (() => {
  const c = commonColumns<CpaFact>('MH_CPA', 'CPA_ID', (r) => r.start, true);
  const coordinator = (r: CpaFact, e: RenderEnv) => staff(e, r.coordinatorId);
  return {
    source: 'MH_CPA',
    target: 'LOAD_MH_CPA',
    legacy: {
      ...c.legacy,
      CPA_LEVEL: (r) => r.level,
      START_DT: (r) => ukDate(r.start),
      END_DT: (r) => ukDate(r.end),
      END_REASON: (r) => r.endReason ?? '',
      COORD_CD: (r, e) => coordinator(r, e).code,
      COORD_NAME: (r, e) => `${coordinator(r, e).forename} ${coordinator(r, e).surname}`,
      TEAM_CD: (r) => r.team,
      LAST_REVIEW_DT: (r) => ukDate(r.lastReview),
      NEXT_REVIEW_DT: (r) => ukDate(r.nextReview),
      S117: (r) => legacyFlag(r.s117),
    },
    national: {
      ...c.national,
      CPA_LEVEL: (r) => r.level,
      START_DATE: (r) => isoDate(r.start),
      END_DATE: (r) => isoDate(r.end),
      END_REASON: (r) => tidy(r.endReason),
      CARE_COORDINATOR: (r, e) => coordinator(r, e).code,
      CARE_COORDINATOR_NAME: (r, e) => `${coordinator(r, e).forename} ${coordinator(r, e).surname}`,
      TEAM_CODE: (r) => r.team,
      LAST_REVIEW_DATE: (r) => isoDate(r.lastReview),
      NEXT_REVIEW_DATE: (r) => isoDate(r.nextReview),
      S117_FLAG: (r) => flagYN(r.s117),
    },
  };
})();
