import { appointmentSpec, ipSuspensionSpec, ipWaitSpec, opCodingSpec, tciSpec } from './activity-specs.js';
import { diagnosisSpec, episodeSpec, procedureSpec, spellSpec, wardStaySpec } from './inpatient-specs.js';
import { cpaSpec, detentionSpec, mhTransferSpec, tribunalSpec } from './mental-health-specs.js';
import { eventSpec, opSuspensionSpec, opWaitSpec, pathwaySpec, periodSpec, referralSpec } from './pathway-specs.js';
import {
  addressSpec,
  alertSpec,
  aliasSpec,
  allergySpec,
  casenoteSpec,
  contactSpec,
  gpRegistrationSpec,
  identifierSpec,
  mergeSpec,
  nextOfKinSpec,
  patientSpec,
} from './pmi-specs.js';
import { clinicSpec, sessionSpec, siteSpec, slotSpec, specialtySpec, staffSpec, wardSpec } from './reference-specs.js';

/** Every table spec of the cohort, by legacy table name. */
export const tableSpecs = {
  STAFF: staffSpec,
  SITE: siteSpec,
  WARD: wardSpec,
  SPECIALTY: specialtySpec,
  OP_CLINIC: clinicSpec,
  OP_SESSION: sessionSpec,
  OP_SLOT: slotSpec,
  PATIENT: patientSpec,
  PAT_IDENT: identifierSpec,
  PAT_ALIAS: aliasSpec,
  PAT_ADDR: addressSpec,
  PAT_CONTACT: contactSpec,
  PAT_NOK: nextOfKinSpec,
  PAT_GP_REG: gpRegistrationSpec,
  PAT_ALLERGY: allergySpec,
  PAT_ALERT: alertSpec,
  PAT_CASENOTE: casenoteSpec,
  RTT_PATHWAY: pathwaySpec,
  REFERRAL: referralSpec,
  RTT_PERIOD: periodSpec,
  RTT_EVENT: eventSpec,
  OP_WLIST: opWaitSpec,
  OP_WL_SUSP: opSuspensionSpec,
  OP_APPT: appointmentSpec,
  OP_APPT_CODING: opCodingSpec,
  IP_WLIST: ipWaitSpec,
  IP_WL_SUSP: ipSuspensionSpec,
  IP_TCI: tciSpec,
  ADM_SPELL: spellSpec,
  ADM_EPISODE: episodeSpec,
  ADM_WARDSTAY: wardStaySpec,
  CODE_DIAG: diagnosisSpec,
  CODE_PROC: procedureSpec,
  MH_DETENTION: detentionSpec,
  MH_TRANSFER: mhTransferSpec,
  MH_TRIBUNAL: tribunalSpec,
  MH_CPA: cpaSpec,
  PAT_MERGE: mergeSpec,
} as const;

export type SpecTable = keyof typeof tableSpecs;
