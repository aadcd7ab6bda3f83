import type { CheckDefinition } from '@ferry/core';
import { platformCodeSets } from '../model/build-catalogs.js';
import { rxPrefixes, targetTables } from '../model/target-model.js';

type Def = Omit<CheckDefinition, 'keyColumn' | 'params'> & { params: Record<string, unknown> };
const def = (d: Def): CheckDefinition => ({ ...d, keyColumn: 'id' });

/** Snellen distance VA lines (6 m) and the low-vision notations. */
export const snellenPattern =
  '^(6/(3|3\\.8|4|4\\.5|4\\.8|5|6|7\\.5|9|9\\.5|12|15|18|19|21|24|30|36|38|48|60|120)|CF|HM|PL|NPL)$';

/**
 * The optical pack's quality checks: clinically meaningful rules on loaded rows (see README.md). Keys are the
 * platform's `id` columns.
 */
export function opticalChecks(): CheckDefinition[] {
  const checks: CheckDefinition[] = [];
  const codeTypes = new Set(platformCodeSets().map((e) => e.codeType));
  for (const t of targetTables) {
    for (const c of t.columns) {
      if (c.codeType && codeTypes.has(c.codeType))
        checks.push(
          def({
            id: `${t.name}.${c.name}.code`,
            domain: t.domain,
            dimension: 'validity',
            severity: 'error',
            description: `${c.name} is a ${c.codeType} code`,
            table: t.name,
            kind: 'code_in_set',
            params: { column: c.name, codeType: c.codeType },
          }),
        );
      if (c.parent)
        checks.push(
          def({
            id: `${t.name}.${c.name}.references`,
            domain: t.domain,
            dimension: 'integrity',
            severity: 'error',
            description: `${c.name} points at a loaded ${c.parent}`,
            table: t.name,
            kind: 'references',
            params: { column: c.name, parentTable: c.parent, parentColumn: 'id' },
            tags: ['patient_chain'],
          }),
        );
      if (c.kind === 'va')
        checks.push(
          def({
            id: `${t.name}.${c.name}.notation`,
            domain: t.domain,
            dimension: 'validity',
            severity: 'error',
            description: `${c.name} is a Snellen 6/x line or CF, HM, PL, NPL`,
            table: t.name,
            kind: 'pattern',
            params: { column: c.name, regex: snellenPattern, format: 'Snellen VA' },
          }),
        );
      const range = (
        min: number,
        max: number,
        step: number | undefined,
        label: string,
        severity: 'error' | 'warning' = 'error',
      ) =>
        checks.push(
          def({
            id: `${t.name}.${c.name}.range`,
            domain: t.domain,
            dimension: severity === 'error' ? 'validity' : 'plausibility',
            severity,
            description: `${c.name}: ${label}`,
            table: t.name,
            kind: 'numeric_range',
            params: { column: c.name, min, max, ...(step ? { step } : {}), label: c.name },
          }),
        );
      if (c.kind === 'sphere') range(-25, 25, 0.25, 'sphere -25.00 to +25.00 D in 0.25 steps');
      if (c.kind === 'cylinder') range(-10, 0, 0.25, 'minus cylinder 0 to -10.00 D in 0.25 steps');
      if (c.name.endsWith('_add')) range(0.5, 4, 0.25, 'add +0.50 to +4.00 D in 0.25 steps');
      if (c.name.endsWith('_prism')) range(0.25, 10, 0.25, 'prism 0.25 to 10 prism dioptres');
      if (c.name.endsWith('_va_logmar')) range(-0.3, 1.3, 0.02, 'logMAR -0.30 to 1.30 in 0.02 steps');
      if (c.kind === 'integer' && c.name.startsWith('iop_')) range(5, 60, undefined, 'IOP plausible (5-60 mmHg)');
      if (c.name === 'pd_binocular') range(50, 75, undefined, 'binocular PD 50-75 mm', 'warning');
    }
    for (const prefix of rxPrefixes(t))
      checks.push(
        def({
          id: `${t.name}.${prefix}_axis.with_cylinder`,
          domain: t.domain,
          dimension: 'validity',
          severity: 'error',
          description: `${prefix}: axis 1-180 exactly when there is a cylinder`,
          table: t.name,
          kind: 'rx_axis_with_cylinder',
          params: { cylinder: `${prefix}_cylinder`, axis: `${prefix}_axis` },
        }),
      );
  }
  checks.push(
    def({
      id: 'patient.nhs_number.not_repdigit',
      domain: 'PATIENT',
      dimension: 'validity',
      severity: 'error',
      description: 'NHS number is not a placeholder repdigit',
      table: 'patient',
      kind: 'not_repdigit',
      params: { column: 'nhs_number' },
    }),
    def({
      id: 'patient.postcode.format',
      domain: 'PATIENT',
      dimension: 'validity',
      severity: 'warning',
      description: 'Postcode is a UK postcode or a US ZIP code',
      table: 'patient',
      kind: 'pattern',
      params: {
        column: 'postcode',
        regex: '^([A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}|[0-9]{5}(-[0-9]{4})?)$',
        format: 'UK postcode or US ZIP',
      },
    }),
    def({
      id: 'dispense.dispense_date.not_before_exam',
      domain: 'DISPENSE',
      dimension: 'plausibility',
      severity: 'error',
      description: 'A dispense is not dated before the examination its prescription came from',
      table: 'dispense',
      kind: 'within_parent',
      params: {
        link: 'examination_id',
        parentTable: 'examination',
        parentKey: 'id',
        start: 'dispense_date',
        parentStart: 'exam_date',
      },
    }),
    def({
      id: 'recall.due_date.interval_by_risk',
      domain: 'PATIENT',
      dimension: 'plausibility',
      severity: 'error',
      description:
        'A recall is due within 12 months of the last examination for under-16s, 70 or over, diabetes and 40+ with glaucoma in the family; else within 24',
      table: 'recall',
      kind: 'recall_interval_by_risk',
      params: {
        link: 'patient_id',
        due: 'due_date',
        patientTable: 'patient',
        patientKey: 'id',
        birthDate: 'date_of_birth',
        diabetic: 'diabetic',
        glaucomaFamilyHistory: 'glaucoma_family_history',
        examTable: 'examination',
        examLink: 'patient_id',
        examDate: 'exam_date',
      },
    }),
    def({
      id: 'prescription.issue_date.not_before_exam',
      domain: 'RX',
      dimension: 'plausibility',
      severity: 'error',
      description: 'A prescription is not issued before its examination',
      table: 'prescription',
      kind: 'within_parent',
      params: {
        link: 'examination_id',
        parentTable: 'examination',
        parentKey: 'id',
        start: 'issue_date',
        parentStart: 'exam_date',
      },
    }),
  );
  return checks;
}
