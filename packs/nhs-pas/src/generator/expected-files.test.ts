import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nhsPasPack } from '../index.js';
import { tableSpecs } from './render/specs.js';
import { generateTestCohort, readCsvTable, type TestCohort } from './testing/cohort-files.js';

// Story: the lead loads the cohort with the reviewed contract into CSV LOAD files and compares them to expected/
// byte for byte. These tests check expected/ stands on its own: the right files, headers and value shapes.

let cohort: TestCohort;
beforeAll(async () => {
  cohort = await generateTestCohort(300, 3, 'none');
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const realDate = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) === s.slice(0, 10);

describe('expected/ files', () => {
  it('exist for every LOAD table with exactly the target catalog columns as header', async () => {
    const catalog = await nhsPasPack.targetCatalog();
    expect(catalog.tables.length).toBeGreaterThanOrEqual(38);
    for (const t of catalog.tables) {
      const file = readCsvTable(join(cohort.dir, 'expected', `${t.name}.csv`));
      expect(file.header, t.name).toEqual(t.columns.map((c) => c.name));
      expect(cohort.result.files[`expected/${t.name}.csv`], t.name).toBe(file.rows.length);
    }
  });

  it('hold values that fit the target column types, lengths and nullability', async () => {
    const catalog = await nhsPasPack.targetCatalog();
    const problems: string[] = [];
    for (const t of catalog.tables) {
      const rows = readCsvTable(join(cohort.dir, 'expected', `${t.name}.csv`)).rows;
      for (const c of t.columns) {
        for (const r of rows) {
          const v = r[c.name]!;
          const where = `${t.name}.${c.name}=${JSON.stringify(v)}`;
          if (v === '') {
            if (!c.nullable) problems.push(`${where} blank`);
            continue;
          }
          if (c.maxLength !== undefined && [...v].length > c.maxLength)
            problems.push(`${where} longer than ${c.maxLength}`);
          if (c.dataType === 'integer' && !/^-?\d+$/.test(v)) problems.push(`${where} not an integer`);
          if (c.dataType === 'date' && !(isoDate.test(v) && realDate(v))) problems.push(`${where} not an ISO date`);
          if (c.dataType === 'datetime' && !(isoDateTime.test(v) && realDate(v)))
            problems.push(`${where} not a date-time`);
          if (v !== v.trim()) problems.push(`${where} has outer spaces`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('fills exactly the target fields the contract maps (the rest stay blank)', async () => {
    const contract = await nhsPasPack.contract();
    const rendered = new Map(
      Object.values(tableSpecs)
        .filter((s) => s.target)
        .map((s) => [s.target!, new Set(Object.keys(s.national))]),
    );
    for (const t of contract.tables) {
      const mapped = t.fields.filter((f) => f.source.length > 0 || f.constant !== undefined).map((f) => f.target);
      expect([...(rendered.get(t.target) ?? [])].sort(), t.target).toEqual(mapped.sort());
    }
  });

  it('leave out exactly the out-of-scope legacy rows of a clean cohort', () => {
    const counts = cohort.result.files;
    for (const s of Object.values(tableSpecs)) {
      if (!s.target) continue;
      const legacy = readCsvTable(join(cohort.dir, 'source', `${s.source}.csv`)).rows;
      const inScope = legacy.filter((r) => (r.REC_STATUS ?? 'A') === 'A').length;
      expect(counts[`expected/${s.target}.csv`], s.target).toBe(inScope);
    }
  });
});

describe('out-of-scope long-tail tables', () => {
  it('are written to source/ only: audit trails of PATIENT and ADM_SPELL, and the users behind every audit column', () => {
    const files = cohort.result.files;
    for (const t of ['PATIENT_AUD', 'ADM_SPELL_AUD', 'SYS_USER']) {
      expect(files[`source/${t}.csv`], t).toBeGreaterThan(0);
      expect(Object.keys(files).some((f) => f.startsWith('expected/') && f.includes(t))).toBe(false);
    }
    const patients = readCsvTable(join(cohort.dir, 'source', 'PATIENT.csv')).rows;
    const audit = readCsvTable(join(cohort.dir, 'source', 'PATIENT_AUD.csv')).rows;
    const inserts = audit.filter((a) => a.AUD_ACTION === 'I');
    expect(inserts.map((a) => a.PAT_ID)).toEqual(patients.map((p) => p.PAT_ID));
    expect(audit.length).toBe(patients.length + 2 * patients.filter((p) => p.UPDATED_DT !== '').length);
    const logins = new Set(
      readCsvTable(join(cohort.dir, 'source', 'SYS_USER.csv')).rows.map((u) => u.LOGIN!.toUpperCase()),
    );
    for (const p of patients) {
      expect(logins.has(p.CREATED_BY!.toUpperCase()), p.CREATED_BY).toBe(true);
      if (p.UPDATED_BY) expect(logins.has(p.UPDATED_BY.toUpperCase()), p.UPDATED_BY).toBe(true);
    }
  });
});
