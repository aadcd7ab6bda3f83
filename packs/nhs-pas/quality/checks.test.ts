import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Catalog,
  type CatalogTable,
  type CodeSets,
  checkCodeTypes,
  checkColumnRefs,
  createTableSql,
  evaluateGate,
  groupCodeSets,
  type MappingContract,
  PgliteDatabase,
  parseGateThresholdsFile,
  type QualityReport,
  type ResolvedCheck,
  recordCompletedJob,
  releaseProfiles,
  resolveChecks,
  resolveGateThresholds,
  runChecks,
} from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

let target: Catalog;
let contract: MappingContract;
let codeSets: CodeSets;
let checks: ResolvedCheck[];

beforeAll(async () => {
  [target, contract] = await Promise.all([nhsPasPack.targetCatalog(), nhsPasPack.contract()]);
  codeSets = groupCodeSets(await nhsPasPack.codeSets());
  checks = resolveChecks(JSON.parse(readFileSync(here('checks.json'), 'utf8')), 'checks.json');
});

const idsOf = (kind: string) => checks.filter((c) => c.def.kind === kind).map((c) => c.def.id);

describe('nhs-pas checks.json', () => {
  it('is what build-checks.mjs writes', () => {
    expect(execFileSync(process.execPath, [here('build-checks.mjs'), '--check'], { encoding: 'utf8' })).toMatch(
      /up to date/,
    );
  });

  it('parses, and every check reads tables and columns of the target catalog and code types of code-sets.csv', () => {
    const columns = new Set(target.tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
    const missing = checks.flatMap((c) =>
      checkColumnRefs(c)
        .filter((r) => !columns.has(`${r.table}.${r.column}`))
        .map((r) => `${c.def.id}: ${r.table}.${r.column}`),
    );
    expect(missing).toEqual([]);
    const unknownCodeTypes = checks.flatMap((c) =>
      checkCodeTypes(c)
        .filter((t) => !codeSets[t])
        .map((t) => `${c.def.id}: ${t}`),
    );
    expect(unknownCodeTypes).toEqual([]);
    expect(checks.length).toBeGreaterThan(200);
  });

  it('uses the domain the contract gives each table', () => {
    const domainOf = new Map(contract.tables.map((t) => [t.target, t.domain]));
    expect(checks.filter((c) => domainOf.get(c.def.table) !== c.def.domain).map((c) => c.def.id)).toEqual([]);
  });

  it('covers every loaded table, every parent link and every coded column', () => {
    const unique = new Set(checks.filter((c) => c.def.kind === 'unique').map((c) => c.def.table));
    expect(contract.tables.filter((t) => !unique.has(t.target)).map((t) => t.target)).toEqual([]);
    const refs = new Set(
      checks
        .filter((c) => c.def.kind === 'references')
        .map((c) => `${c.def.table}.${(c.params as { column: string }).column}`),
    );
    const links = contract.tables.flatMap((t) => t.parents.map((p) => `${t.target}.${p.field}`));
    expect(links.filter((l) => !refs.has(l))).toEqual([]);
    const coded = new Set(
      checks
        .filter((c) => c.def.kind === 'code_in_set')
        .map((c) => `${c.def.table}.${(c.params as { column: string }).column}`),
    );
    const loaded = new Set(contract.tables.map((t) => t.target));
    const codedColumns = target.tables
      .filter((t) => loaded.has(t.name))
      .flatMap((t) => t.columns.filter((c) => c.codeType).map((c) => `${t.name}.${c.name}`));
    expect(codedColumns.filter((c) => !coded.has(c))).toEqual([]);
  });

  it('holds the rules the release gate relies on', () => {
    const byId = new Map(checks.map((c) => [c.def.id, c.def]));
    expect(byId.get('pmi.nhs_number.duplicate')).toMatchObject({
      kind: 'duplicate_value',
      severity: 'error',
      dimension: 'uniqueness',
    });
    expect(byId.get('pmi.nhs_number.mod11')).toMatchObject({ kind: 'nhs_number_valid', severity: 'error' });
    expect(byId.get('pmi.nhs_number.repdigit')).toMatchObject({ kind: 'not_repdigit', severity: 'error' });
    expect(byId.get('adt_episodes.loadadm_record_number.references')?.tags).toEqual(['patient_chain']);
    expect(byId.get('clinic_slots.loadsess_record_number.references')?.tags).toBeUndefined();
    expect(idsOf('after_death')).toEqual(
      expect.arrayContaining([
        'opd_appointments.appointment_dttm.after_death',
        'adt_admissions.admission_dttm.after_death',
        'ipwl_tcis.tci_date.after_death',
      ]),
    );
  });
});

describe('nhs-pas gate profiles', () => {
  it('parse and resolve for every release profile', () => {
    for (const profile of releaseProfiles) {
      const file = here(`gate-profiles/${profile}.json`);
      const t = resolveGateThresholds(profile, parseGateThresholdsFile(JSON.parse(readFileSync(file, 'utf8')), file));
      expect(t.profile).toBe(profile);
      const ids = new Set(checks.map((c) => c.def.id));
      expect(Object.keys(t.checks).filter((id) => !ids.has(id))).toEqual([]);
    }
  });
});

/**
 * The checks on the real LOAD schema (every table created as the migrate stage creates it). Job CLEAN holds one
 * coherent patient chain; job DEFECTS holds the same chain plus one row per defect kind the generator injects.
 */
describe('nhs-pas checks on the LOAD schema', () => {
  let db: PgliteDatabase;
  const asOfDate = '2025-03-31';
  const sourceOf = () => new Map(contract.tables.map((t) => [t.target, t.source]));

  function table(name: string): CatalogTable {
    const t = target.tables.find((x) => x.name === name);
    if (!t) throw new Error(name);
    return t;
  }

  /**
   * A row with every NOT NULL column filled with a plain value (1, 2020-01-01, 10:00 that day, X), every coded column
   * with its first national code and every link with 1 (record 1 of each parent).
   */
  async function insert(job: string, tableName: string, values: Record<string, unknown>) {
    const t = table(tableName);
    const row: Record<string, unknown> = {};
    for (const c of t.columns) {
      if (c.nullable && !c.primaryKey && c.codeType === undefined && c.references === undefined) continue;
      row[c.name] =
        c.codeType !== undefined
          ? codeSets[c.codeType]?.[0]?.code
          : c.dataType === 'integer'
            ? 1
            : c.dataType === 'date'
              ? '2020-01-01'
              : c.dataType === 'datetime'
                ? '2020-01-01 10:00:00'
                : 'X';
    }
    if (tableName === 'LOAD_PMI')
      Object.assign(row, { MAIN_CRN: `H${String(values.RECORD_NUMBER ?? 1)}`, GP_PRACTICE_CODE: 'V81999' });
    Object.assign(row, values);
    if (tableName === 'LOAD_ADT_ADMISSIONS' && values.SPELL_NUMBER === undefined)
      row.SPELL_NUMBER = `S${String(row.RECORD_NUMBER)}`;
    const cols = Object.keys(row);
    const key = String(row.RECORD_NUMBER);
    await db.query(
      `INSERT INTO "${tableName}" (${cols.map((c) => `"${c}"`).join(', ')}, ferry_job_id, ferry_source_table, ferry_source_key) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}, $${cols.length + 1}, $${cols.length + 2}, $${cols.length + 3})`,
      [...cols.map((c) => row[c]), job, sourceOf().get(tableName), key],
    );
  }

  async function chain(job: string) {
    for (const t of contract.tables) {
      await insert(job, t.target, {
        ...(t.target === 'LOAD_PMI'
          ? { NHS_NUMBER: '9434765919', DATE_OF_BIRTH: '1960-05-01', GP_PRACTICE_CODE: 'V81999', GP_CODE: 'G1234567' }
          : {}),
        ...(t.target === 'LOAD_PMIGPAUDIT' ? { GP_PRACTICE_CODE: 'A81001', PRACTICE_POSTCODE: 'LS6 3BN' } : {}),
        ...(t.target === 'LOAD_PMIADDRS' ? { POSTCODE: 'ZZ99 3VZ' } : {}),
        ...(t.target === 'LOAD_ADT_ADMISSIONS' ? { DISCHARGE_DTTM: '2020-01-03 12:00:00' } : {}),
        ...(t.target === 'LOAD_CODING_DIAGNOSES' ? { DIAGNOSIS_CODE: 'I10X' } : {}),
        ...(t.target === 'LOAD_CODING_PROCEDURES' ? { PROCEDURE_CODE: 'W37.1', PROCEDURE_DATE: '2020-01-01' } : {}),
      });
    }
  }

  beforeAll(async () => {
    db = await PgliteDatabase.open();
    for (const t of contract.tables) await db.exec(createTableSql(table(t.target)));
    for (const job of ['CLEAN', 'DEFECTS'])
      await recordCompletedJob(db, job, [...new Set(contract.tables.map((t) => t.target))]);
    await chain('CLEAN');
    await chain('DEFECTS');
    // repdigit_nhs_number, future_date_of_birth and duplicate_patient (the second row) on PATIENT
    await insert('DEFECTS', 'LOAD_PMI', { RECORD_NUMBER: 2, NHS_NUMBER: '1111111111', DATE_OF_BIRTH: '1970-01-01' });
    await insert('DEFECTS', 'LOAD_PMI', { RECORD_NUMBER: 3, NHS_NUMBER: '9434765870', DATE_OF_BIRTH: '2030-06-01' });
    await insert('DEFECTS', 'LOAD_PMI', { RECORD_NUMBER: 4, NHS_NUMBER: '9434765919', DATE_OF_BIRTH: '1960-05-01' });
    // activity_after_death: patient 5 died 2021-06-01; a referral before, an appointment, a TCI and a spell after
    await insert('DEFECTS', 'LOAD_PMI', {
      RECORD_NUMBER: 5,
      NHS_NUMBER: '4010232137',
      DATE_OF_BIRTH: '1940-01-01',
      DATE_OF_DEATH: '2021-06-01',
    });
    await insert('DEFECTS', 'LOAD_REFERRALS', {
      RECORD_NUMBER: 5,
      LOADPMI_RECORD_NUMBER: 5,
      LOADPATH_RECORD_NUMBER: null,
    });
    await insert('DEFECTS', 'LOAD_OPD_APPOINTMENTS', {
      RECORD_NUMBER: 5,
      LOADPMI_RECORD_NUMBER: 5,
      LOADREF_RECORD_NUMBER: 5,
      LOADOPWL_RECORD_NUMBER: null,
      APPOINTMENT_DTTM: '2022-01-10 09:30:00',
    });
    await insert('DEFECTS', 'LOAD_OPD_APPOINTMENTS', {
      RECORD_NUMBER: 6,
      LOADPMI_RECORD_NUMBER: 5,
      LOADREF_RECORD_NUMBER: 5,
      LOADOPWL_RECORD_NUMBER: null,
      APPOINTMENT_DTTM: '2022-01-11 09:30:00',
      CANCEL_DATE: '2021-06-02',
    });
    await insert('DEFECTS', 'LOAD_IPWL', { RECORD_NUMBER: 5, LOADPMI_RECORD_NUMBER: 5, LOADREF_RECORD_NUMBER: 5 });
    await insert('DEFECTS', 'LOAD_IPWL_TCIS', {
      RECORD_NUMBER: 5,
      LOADPMI_RECORD_NUMBER: 5,
      LOADIPWL_RECORD_NUMBER: 5,
      TCI_DATE: '2021-07-01',
    });
    await insert('DEFECTS', 'LOAD_ADT_ADMISSIONS', {
      RECORD_NUMBER: 5,
      LOADPMI_RECORD_NUMBER: 5,
      LOADIPWL_RECORD_NUMBER: 5,
      ADMISSION_DTTM: '2021-06-02 08:00:00',
      DISCHARGE_DTTM: null,
    });
    // discharge_before_admission on ADM_SPELL
    await insert('DEFECTS', 'LOAD_ADT_ADMISSIONS', {
      RECORD_NUMBER: 6,
      ADMISSION_DTTM: '2020-03-05 10:00:00',
      DISCHARGE_DTTM: '2020-03-03 12:00:00',
    });
  });
  afterAll(async () => {
    await db.close();
  });

  const run = (jobId: string): Promise<QualityReport> =>
    runChecks(
      db,
      checks.map((c) => c.def),
      { jobId, asOfDate, codeSets },
    );
  const flagged = (r: QualityReport, id: string) =>
    r.checks.find((c) => c.id === id)?.offending.map((o) => `${o.sourceTable}|${o.sourceKey}`);

  it('a clean patient chain: every check runs, none fails, and the gate passes at every profile', async () => {
    const report = await run('CLEAN');
    expect(report.checks.filter((c) => !c.executed).map((c) => c.id)).toEqual([]);
    expect(report.checks.filter((c) => c.numerator > 0).map((c) => c.id)).toEqual([]);
    expect(report.checks.filter((c) => c.denominator === 0 && c.dimension === 'integrity').map((c) => c.id)).toEqual(
      [],
    );
    for (const profile of releaseProfiles)
      expect(evaluateGate({ qualityReport: report, profile }).outcome).toBe('PASS');
  });

  it('flags every injected defect on its own source table and key, and cutover_ready blocks', async () => {
    const report = await run('DEFECTS');
    expect(flagged(report, 'pmi.nhs_number.repdigit')).toEqual(['PATIENT|2']);
    expect(flagged(report, 'pmi.date_of_birth.age_range')).toEqual(['PATIENT|3']);
    expect(flagged(report, 'pmi.nhs_number.duplicate')).toEqual(['PATIENT|1', 'PATIENT|4']);
    expect(flagged(report, 'opd_appointments.appointment_dttm.after_death')).toEqual(['OP_APPT|5']);
    expect(flagged(report, 'ipwl_tcis.tci_date.after_death')).toEqual(['IP_TCI|5']);
    expect(flagged(report, 'adt_admissions.admission_dttm.after_death')).toEqual(['ADM_SPELL|5']);
    expect(flagged(report, 'adt_admissions.discharge_dttm.after_admission_dttm')).toEqual(['ADM_SPELL|6']);
    expect(report.checks.filter((c) => c.numerator > 0).map((c) => c.id)).toEqual([
      'adt_admissions.admission_dttm.after_death',
      'adt_admissions.discharge_dttm.after_admission_dttm',
      'ipwl_tcis.tci_date.after_death',
      'opd_appointments.appointment_dttm.after_death',
      'pmi.date_of_birth.age_range',
      'pmi.nhs_number.duplicate',
      'pmi.nhs_number.repdigit',
    ]);
    const gate = evaluateGate({ qualityReport: report, profile: 'cutover_ready' });
    expect(gate.outcome).toBe('FAIL');
    expect(gate.blocking.map((b) => b.checkId)).toContain('pmi.nhs_number.duplicate');
  });
});
