import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../store/pglite-database.js';
import { recordCompletedJob } from '../testing/recorded-job.js';
import type { CheckDefinition } from './check-model.js';
import { qualityReportSchema } from './quality-report.js';
import { writeIssuesCsv, writeQualityReportJson } from './quality-report-writer.js';
import { runChecks } from './run-checks.js';

const checks: CheckDefinition[] = [
  {
    id: 'pmi.nhs_number.mod11',
    domain: 'PMI',
    dimension: 'validity',
    severity: 'error',
    description: 'NHS number passes Modulus 11',
    table: 'LOAD_PMI',
    kind: 'nhs_number_valid',
    params: { column: 'NHS_NUMBER' },
  },
  {
    id: 'adt.spell.pmi',
    domain: 'ADT',
    dimension: 'integrity',
    severity: 'error',
    description: 'Spell links to a patient',
    table: 'LOAD_ADMISSIONS',
    kind: 'references',
    params: { column: 'LOADPMI_RECORD_NUMBER', parentTable: 'LOAD_PMI' },
    tags: ['patient_chain'],
  },
  {
    id: 'pmi.surname.present',
    domain: 'PMI',
    dimension: 'completeness',
    severity: 'warning',
    description: 'Surname present',
    table: 'LOAD_PMI',
    kind: 'not_null',
    params: { column: 'SURNAME' },
  },
];

describe('quality report and issues.csv', () => {
  let db: PgliteDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
    dir = await mkdtemp(join(tmpdir(), 'ferry-quality-'));
    await db.exec(`
      create table "LOAD_PMI" ("RECORD_NUMBER" integer, "NHS_NUMBER" text, "SURNAME" text, ferry_job_id text, ferry_source_table text, ferry_source_key text);
      insert into "LOAD_PMI" values (1, '9434765919', 'A', 'J', 'PATIENT', 'P1'), (2, '9434765918', null, 'J', 'PATIENT', 'P2, "x"'),
        (3, '9434765919', 'B', 'J', 'PATIENT', 'P3');
      create table "LOAD_ADMISSIONS" ("RECORD_NUMBER" integer, "LOADPMI_RECORD_NUMBER" integer, ferry_job_id text, ferry_source_table text, ferry_source_key text);
      insert into "LOAD_ADMISSIONS" values (10, 1, 'J', 'ADM_SPELL', 'S10'), (11, 7, 'J', 'ADM_SPELL', 'S11');
    `);
    await recordCompletedJob(db, 'J', ['LOAD_PMI', 'LOAD_ADMISSIONS']);
  });
  afterAll(async () => {
    await db.close();
  });

  it('orders checks by id, rolls KPIs up per domain, and is deterministic apart from generatedAt', async () => {
    const seen: string[] = [];
    const opts = { jobId: 'J', asOfDate: '2025-03-31', codeSets: {}, generatedAt: '2025-04-01T00:00:00.000Z' };
    const report = await runChecks(db, checks, { ...opts, onProgress: (d, t, id) => seen.push(`${d}/${t} ${id}`) });
    expect(qualityReportSchema.parse(report)).toEqual(report);
    expect(seen).toEqual(['1/3 adt.spell.pmi', '2/3 pmi.nhs_number.mod11', '3/3 pmi.surname.present']);
    expect(report.checks.map((c) => [c.id, c.numerator, c.denominator, c.tags])).toEqual([
      ['adt.spell.pmi', 1, 2, ['patient_chain']],
      ['pmi.nhs_number.mod11', 1, 3, []],
      ['pmi.surname.present', 1, 3, []],
    ]);
    expect(report.kpis).toEqual([
      {
        domain: 'ADT',
        checksRun: 1,
        checksNotRun: 0,
        checksWithFailures: 1,
        errorChecksWithFailures: 1,
        errorFailingRows: 1,
        rowsConsidered: 2,
        rowsFailed: 1,
        passedRowsShare: 0.5,
      },
      {
        domain: 'PMI',
        checksRun: 2,
        checksNotRun: 0,
        checksWithFailures: 2,
        errorChecksWithFailures: 1,
        errorFailingRows: 1,
        rowsConsidered: 6,
        rowsFailed: 2,
        passedRowsShare: 1 - 2 / 6,
      },
    ]);
    expect(report.totals).toMatchObject({ checksRun: 3, rowsConsidered: 8, rowsFailed: 3, errorChecksWithFailures: 2 });
    // The report names what it is about, as the target recorded the job, and the job's rows per table.
    expect([report.version, report.subject, report.rowsLoaded]).toEqual([
      2,
      { jobId: 'J', contractHash: 'test-contract-hash', sourceFingerprint: 'test-source-fingerprint' },
      { LOAD_PMI: 3, LOAD_ADMISSIONS: 2 },
    ]);
    const again = await runChecks(db, [...checks].reverse(), opts);
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });

  it('writes quality_report.json and issues.csv with keys and messages, never values', async () => {
    const report = await runChecks(db, checks, { jobId: 'J', asOfDate: '2025-03-31', codeSets: {}, generatedAt: 'T' });
    const jsonPath = join(dir, 'out', 'quality_report.json');
    await writeQualityReportJson(report, jsonPath);
    expect(qualityReportSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')))).toEqual(report);
    const csvPath = join(dir, 'out', 'issues.csv');
    expect(await writeIssuesCsv(report, csvPath)).toBe(3);
    const csv = await readFile(csvPath, 'utf8');
    expect(csv).toBe(
      [
        'check_id,severity,target_table,target_key,source_table,source_key,field,message',
        'adt.spell.pmi,error,LOAD_ADMISSIONS,11,ADM_SPELL,S11,LOADPMI_RECORD_NUMBER,LOADPMI_RECORD_NUMBER has no matching LOAD_PMI.RECORD_NUMBER',
        'pmi.nhs_number.mod11,error,LOAD_PMI,2,PATIENT,"P2, ""x""",NHS_NUMBER,NHS number fails Modulus 11',
        'pmi.surname.present,warning,LOAD_PMI,2,PATIENT,"P2, ""x""",SURNAME,SURNAME is missing',
        '',
      ].join('\n'),
    );
    expect(csv).not.toContain('9434765918');
  });
});
