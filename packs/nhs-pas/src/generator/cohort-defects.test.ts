import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDefectKinds, defectKinds } from './defect-kinds.js';
import { generateTestCohort, readCsvTable } from './testing/cohort-files.js';

// Story: a data quality lead seeds a rehearsal with known defects, so the gate can be shown to catch each kind.
// defects.csv is the answer key: every row must point at a real legacy row, with the agreed expectation.

const keyColumns: Record<string, string> = {
  PATIENT: 'PAT_ID',
  PAT_ADDR: 'ADDR_ID',
  PAT_CONTACT: 'CONTACT_ID',
  PAT_ALIAS: 'ALIAS_ID',
  REFERRAL: 'REF_ID',
  OP_APPT: 'APPT_ID',
  ADM_SPELL: 'SPELL_ID',
  CODE_DIAG: 'DIAG_ID',
  ADM_WARDSTAY: 'WARDSTAY_ID',
  OP_APPT_CODING: 'OPCODE_ID',
};

async function defectsOf(patients: number, level: 'none' | 'typical' | 'heavy', seed = 5) {
  const c = await generateTestCohort(patients, seed, level);
  const table = readCsvTable(join(c.dir, 'defects.csv'));
  return { cohort: c, header: table.header, defects: table.rows };
}

describe('injected defects', () => {
  it('has none at level none', async () => {
    const { cohort, header, defects } = await defectsOf(50, 'none');
    expect(header).toEqual(['source_table', 'source_key', 'defect', 'expected']);
    expect(defects).toEqual([]);
    expect(cohort.result.defects).toBe(0);
  });

  it('has every kind at least once at 200 typical patients, each pointing at an existing legacy row', async () => {
    const { cohort, defects } = await defectsOf(200, 'typical');
    expect(new Set(defects.map((d) => d.defect))).toEqual(new Set(allDefectKinds));
    expect(cohort.result.defects).toBe(defects.length);
    const patients = readCsvTable(join(cohort.dir, 'source', 'PATIENT.csv')).rows;
    for (const d of defects) {
      expect(d.expected, d.defect).toBe(defectKinds[d.defect as keyof typeof defectKinds]);
      const key = keyColumns[d.source_table!];
      expect(key, `key column of ${d.source_table}`).toBeDefined();
      const rows = readCsvTable(join(cohort.dir, 'source', `${d.source_table}.csv`)).rows.filter(
        (r) => r[key!] === d.source_key,
      );
      expect(rows, `${d.source_table} ${d.source_key}`).toHaveLength(1);
      const row = rows[0]!;
      const patient = patients.find((p) => p.PAT_ID === row.PAT_ID);
      switch (d.defect) {
        case 'invalid_nhs_check_digit':
        case 'repdigit_nhs_number':
          expect(row.NHS_NO).not.toBe('');
          break;
        case 'future_date_of_birth': {
          const [dd, mm, yyyy] = row.DOB!.split('/').map(Number) as [number, number, number];
          expect(Date.UTC(yyyy, mm - 1, dd)).toBeGreaterThan(Date.UTC(2026, 9, 31));
          break;
        }
        case 'duplicate_patient': {
          const twins = patients.filter(
            (p) => p.NHS_NO!.replace(/ /g, '') === row.NHS_NO!.replace(/ /g, '') && p.REC_STATUS === 'A',
          );
          expect(twins.length).toBeGreaterThanOrEqual(2);
          expect(new Set(twins.map((t) => t.HOSP_NO)).size).toBe(twins.length);
          break;
        }
        case 'activity_after_death':
          expect(patient?.DOD).not.toBe('');
          break;
        case 'discharge_before_admission':
          expect(d.source_table).toBe('ADM_SPELL');
          break;
      }
    }
  });

  it('affects a few percent of patients at typical and much more at heavy', async () => {
    const typical = await defectsOf(400, 'typical', 9);
    const heavy = await defectsOf(200, 'heavy', 9);
    expect(typical.defects.length / 400).toBeGreaterThan(0.02);
    expect(typical.defects.length / 400).toBeLessThan(0.04);
    expect(heavy.defects.length / 200).toBeGreaterThan(0.15);
    expect(heavy.defects.length / 200).toBeLessThan(0.25);
  });
});
