/**
 * The defects the generator injects, the export file (target table) each lands in, and what a correct migration
 * does with it: `reject` (the row must not load) or `issue` (it loads and a quality check flags it).
 */
export const opticalDefectKinds = {
  invalid_nhs_check_digit: { table: 'patient', expected: 'reject' },
  missing_mandatory_field: { table: 'patient', expected: 'reject' },
  malformed_date: { table: 'examination', expected: 'reject' },
  orphan_child_row: { table: 'appointment', expected: 'reject' },
  unmapped_local_code: { table: 'dispense', expected: 'reject' },
  repdigit_nhs_number: { table: 'patient', expected: 'issue' },
  axis_without_cylinder: { table: 'prescription', expected: 'issue' },
  off_step_sphere: { table: 'prescription', expected: 'issue' },
  add_out_of_range: { table: 'prescription', expected: 'issue' },
  implausible_iop: { table: 'examination', expected: 'issue' },
  invalid_va_notation: { table: 'examination', expected: 'issue' },
  dispense_before_exam: { table: 'dispense', expected: 'issue' },
} as const;

export type OpticalDefect = keyof typeof opticalDefectKinds;
export const allOpticalDefects = Object.keys(opticalDefectKinds) as OpticalDefect[];

/** Header of defects.csv (the same as the nhs-pas pack's). */
export const defectsCsvHeader = ['source_table', 'source_key', 'defect', 'expected'] as const;
