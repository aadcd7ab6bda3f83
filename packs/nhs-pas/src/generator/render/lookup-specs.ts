import { dayFromIso } from '@ferry/core';
import type { LocalCodeEntry } from '../pack-model.js';
import { legacyFlag, ukDate } from './legacy-format.js';
import type { TableSpec } from './table-spec.js';

/** The legacy lookup table of each crosswalked code type (treatment functions live in SPECIALTY). */
export const lookupTables: Record<string, string> = {
  gender: 'LKP_SEX',
  ethnic_category: 'LKP_ETHNIC',
  marital_status: 'LKP_MARITAL',
  nhs_number_status: 'LKP_NN_STATUS',
  admin_category: 'LKP_ADMIN_CAT',
  admission_method: 'LKP_ADM_METH',
  admission_source: 'LKP_ADM_SRC',
  discharge_method: 'LKP_DIS_METH',
  discharge_destination: 'LKP_DIS_DEST',
  patient_classification: 'LKP_PAT_CLASS',
  intended_management: 'LKP_INT_MGMT',
  elective_admission_type: 'LKP_ELECT_TYPE',
  attendance_status: 'LKP_ATTEND',
  attendance_outcome: 'LKP_OUTCOME',
  first_attendance: 'LKP_VISIT_TYPE',
  priority: 'LKP_PRIORITY',
  referral_source: 'LKP_REF_SRC',
  rtt_status: 'LKP_RTT_STAT',
  main_specialty: 'LKP_CONS_SPEC',
  mha_section: 'LKP_MHA_SEC',
};

const introduced = dayFromIso('2002-04-01');
const retired = dayFromIso('2015-03-31');

/** One row of a lookup table: a local code and its description, retired when its mapping is inexact (an old code). */
export interface LookupRow {
  id: number;
  entry: LocalCodeEntry;
}

/** A legacy lookup table (source only: it drives no LOAD table). */
export function lookupSpec(table: string): TableSpec<LookupRow> {
  return {
    source: table,
    legacy: {
      CODE: (r) => r.entry.local,
      DESCRIPTION: (r) => r.entry.label,
      ACTIVE_FLAG: (r) => legacyFlag(r.entry.equivalence !== 'inexact'),
      START_DT: (r) => ukDate(introduced + (r.id % 7) * 30),
      END_DT: (r) => (r.entry.equivalence === 'inexact' ? ukDate(retired) : ''),
    },
    national: {},
  };
}
