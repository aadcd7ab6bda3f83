/**
 * The defects the generator injects, and what a correct migration does with each: `reject` (the row must not
 * load) or `issue` (it loads and a quality check must flag it). Other parts of Ferry rely on these exact names.
 */
export const defectKinds = {
  invalid_nhs_check_digit: 'reject',
  repdigit_nhs_number: 'issue',
  unmapped_local_code: 'reject',
  orphan_child_row: 'reject',
  discharge_before_admission: 'issue',
  activity_after_death: 'issue',
  future_date_of_birth: 'issue',
  missing_mandatory_field: 'reject',
  duplicate_patient: 'issue',
  malformed_date: 'reject',
} as const;

export type DefectKind = keyof typeof defectKinds;
export type DefectExpectation = (typeof defectKinds)[DefectKind];

export const allDefectKinds = Object.keys(defectKinds) as DefectKind[];

/** One line of defects.csv. */
export interface DefectRecord {
  sourceTable: string;
  sourceKey: string;
  defect: DefectKind;
  expected: DefectExpectation;
}

/** Header of defects.csv. */
export const defectsCsvHeader = ['source_table', 'source_key', 'defect', 'expected'] as const;
