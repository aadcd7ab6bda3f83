import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvFileWriter, CsvSourceConnector } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';

/** A row of a CSV file by column name. */
export type Row = Readonly<Record<string, string>>;

/** One column of a vendor table: its value from the legacy row and the expected LOAD row, and what it feeds. */
interface VendorColumn {
  name: string;
  /** Target columns this column feeds (their expected values stay in the expected rows). */
  feeds: readonly string[];
  value: (legacy: Row, expected: Row) => string;
}

/** One vendor table: the legacy table and LOAD table it is cut from, and its columns. */
interface VendorTable {
  name: string;
  legacy: string;
  target: string;
  /** Target columns the target system fills with a constant whatever the source (kept in the expected rows). */
  constants: readonly string[];
  columns: readonly VendorColumn[];
}

const iso = (dateTime: string) => dateTime.replace(' ', 'T');
const same = (target: string) => (_: Row, e: Row) => e[target]!;
const col = (name: string, target: string, value = same(target)): VendorColumn => ({ name, feeds: [target], value });
/** Who created and last changed the row, and when: upper-case logins, ISO date-times. */
const auditColumns: readonly VendorColumn[] = [
  col('CreatedBy', 'CREATE_USER'),
  col('CreatedAt', 'CREATE_DTTM', (_, e) => iso(e.CREATE_DTTM!)),
  col('UpdatedBy', 'MODIF_USER'),
  col('UpdatedAt', 'MODIF_DTTM', (_, e) => iso(e.MODIF_DTTM!)),
];
const legacyCode = (legacyColumn: string, target: string, name: string): VendorColumn =>
  col(name, target, (l) => l[legacyColumn]!);

/**
 * "CarePoint", a made-up PAS vendor whose extract is NOT the nhs-pas layout: PascalCase names of its own, ISO dates
 * and `yyyy-mm-ddThh:mm:ss` date-times, names in natural case, NHS numbers and phones as digits, a subset of the
 * legacy columns, local codes as the legacy system keeps them (a few in lower case), a hospital number repeated on
 * the address and admission rows, one admission row per hospital stay, and an audit table that is not migrated.
 */
export const vendorTables: readonly VendorTable[] = [
  {
    name: 'Patient',
    legacy: 'PATIENT',
    target: 'LOAD_PMI',
    constants: ['SYSTEM_CODE', 'MAIN_CRN_TYPE'],
    columns: [
      { name: 'PatientId', feeds: ['RECORD_NUMBER', 'EXTERNAL_SYSTEM_ID'], value: same('RECORD_NUMBER') },
      col('HospitalNumber', 'MAIN_CRN'),
      col('NHSNumber', 'NHS_NUMBER'),
      col('FamilyName', 'SURNAME'),
      col('GivenName', 'FORENAME'),
      col('Title', 'TITLE'),
      col('BirthDate', 'DATE_OF_BIRTH'),
      legacyCode('SEX', 'SEX', 'Gender'),
      legacyCode('ETHNIC', 'ETHNIC_CATEGORY', 'EthnicGroup'),
      legacyCode('MARITAL', 'MARITAL_STATUS', 'MaritalStatus'),
      legacyCode('NHS_NO_STAT', 'NHS_NUMBER_STATUS', 'NHSNumberStatus'),
      col('MiddleNames', 'MIDDLE_NAMES'),
      col('Religion', 'RELIGION'),
      col('Language', 'PREFERRED_LANGUAGE'),
      col('Occupation', 'OCCUPATION'),
      col('BirthPlace', 'BIRTH_PLACE'),
      col('DeathDate', 'DATE_OF_DEATH'),
      col('DeathPlace', 'PLACE_OF_DEATH'),
      col('GPPracticeCode', 'GP_PRACTICE_CODE'),
      col('GPCode', 'GP_CODE'),
      col('HomePhone', 'HOME_PHONE'),
      col('MobilePhone', 'MOBILE_PHONE'),
      col('WorkPhone', 'WORK_PHONE'),
      col('Email', 'EMAIL'),
      col('RegisteredOn', 'REGISTRATION_DATE'),
      col('LastTracedOn', 'LAST_TRACED_DATE'),
      ...auditColumns,
    ],
  },
  {
    name: 'PatientAddress',
    legacy: 'PAT_ADDR',
    target: 'LOAD_PMIADDRS',
    constants: ['SYSTEM_CODE', 'MAIN_CRN_TYPE'],
    columns: [
      { name: 'AddressId', feeds: ['RECORD_NUMBER', 'EXTERNAL_SYSTEM_ID'], value: same('RECORD_NUMBER') },
      col('PatientId', 'LOADPMI_RECORD_NUMBER'),
      col('HospitalNumber', 'MAIN_CRN'),
      col('AddressType', 'ADDRESS_TYPE'),
      col('Street', 'ADDRESS_LINE1'),
      col('Locality', 'ADDRESS_LINE2'),
      col('Town', 'ADDRESS_LINE4'),
      col('County', 'ADDRESS_LINE5'),
      col('PostCode', 'POSTCODE'),
      col('Country', 'COUNTRY_CODE'),
      col('ValidFrom', 'START_DATE'),
      col('ValidTo', 'END_DATE'),
      col('IsCurrent', 'CURRENT_FLAG'),
      col('IsConfidential', 'CONFIDENTIAL_FLAG'),
      ...auditColumns,
    ],
  },
  {
    name: 'HospitalStay',
    legacy: 'ADM_SPELL',
    target: 'LOAD_ADT_ADMISSIONS',
    constants: ['SYSTEM_CODE', 'MAIN_CRN_TYPE'],
    columns: [
      { name: 'StayId', feeds: ['RECORD_NUMBER', 'EXTERNAL_SYSTEM_ID'], value: same('RECORD_NUMBER') },
      col('PatientId', 'LOADPMI_RECORD_NUMBER'),
      col('HospitalNumber', 'MAIN_CRN'),
      col('StayNumber', 'SPELL_NUMBER'),
      col('AdmittedAt', 'ADMISSION_DTTM', (_, e) => iso(e.ADMISSION_DTTM!)),
      legacyCode('ADM_METH', 'ADMISSION_METHOD', 'AdmitMethod'),
      legacyCode('ADM_SRC', 'ADMISSION_SOURCE', 'AdmitSource'),
      legacyCode('PAT_CLASS', 'PATIENT_CLASSIFICATION', 'PatientClass'),
      legacyCode('ADMIN_CAT', 'ADMIN_CATEGORY', 'AdminCategory'),
      legacyCode('INT_MGMT', 'INTENDED_MANAGEMENT', 'IntendedManagement'),
      col('DecisionToAdmitDate', 'DECISION_TO_ADMIT_DATE'),
      col('ConsultantCode', 'ADMITTING_CONSULTANT'),
      legacyCode('SPEC_CD', 'TREATMENT_FUNCTION', 'Specialty'),
      col('SiteCode', 'SITE_CODE'),
      col('AdmitWard', 'ADMISSION_WARD'),
      col('DischargedAt', 'DISCHARGE_DTTM', (_, e) => iso(e.DISCHARGE_DTTM!)),
      legacyCode('DIS_METH', 'DISCHARGE_METHOD', 'DischargeMethod'),
      legacyCode('DIS_DEST', 'DISCHARGE_DESTINATION', 'DischargeDestination'),
      col('DischargeWard', 'DISCHARGE_WARD'),
      col('Notes', 'COMMENTS'),
      ...auditColumns,
    ],
  },
];

/** What {@link writeVendorExtract} wrote. */
export interface VendorExtract {
  /** The vendor's CSV files. */
  sourceDir: string;
  /** Per LOAD table, the rows a correct migration of the extract loads (every column, blank when not held). */
  expected: Record<string, Row[]>;
}

async function readRows(source: CsvSourceConnector, table: string): Promise<Row[]> {
  const header = await source.header(table);
  const rows: Row[] = [];
  for await (const r of source.rows(table)) rows.push(Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
  return rows;
}

/**
 * Writes the CarePoint extract of a synthetic nhs-pas cohort (no defects) into `dir`, and returns the rows a correct
 * migration loads. The cohort is re-shaped in code, so the expected rows are the cohort's own expected LOAD rows, with
 * the columns the vendor does not hold left blank. Only rows the cohort migrates (in scope, parents loaded) are
 * written, so every source row is expected to load. `PatientAudit` (one row per patient) is not migrated.
 *
 * @example
 * const { sourceDir, expected } = await writeVendorExtract('/tmp/x', { patients: 20, seed: 5 });
 */
export async function writeVendorExtract(
  dir: string,
  options: { patients: number; seed: number },
): Promise<VendorExtract> {
  const cohortDir = await mkdtemp(join(tmpdir(), 'ferry-vendor-cohort-'));
  try {
    await nhsPasPack.generate({ ...options, defects: 'none', outDir: cohortDir });
    const legacy = await CsvSourceConnector.open(join(cohortDir, 'source'));
    const loads = await CsvSourceConnector.open(join(cohortDir, 'expected'));
    const sourceDir = join(dir, 'carepoint');
    const expected: Record<string, Row[]> = {};
    for (const t of vendorTables) {
      const targetHeader = await loads.header(t.target);
      const wanted = await readRows(loads, t.target);
      const byKey = new Map(wanted.map((r) => [r.RECORD_NUMBER!, r]));
      const legacyKey = (await legacy.header(t.legacy))[0]!;
      const kept = new Set([...t.constants, ...t.columns.flatMap((c) => c.feeds)]);
      const out = await CsvFileWriter.open(
        join(sourceDir, `${t.name}.csv`),
        t.columns.map((c) => c.name),
      );
      const rows: Row[] = [];
      for (const l of await readRows(legacy, t.legacy)) {
        const e = byKey.get(l[legacyKey]!);
        if (!e) continue;
        await out.write(t.columns.map((c) => c.value(l, e)));
        rows.push(Object.fromEntries(targetHeader.map((h) => [h, kept.has(h) ? e[h]! : ''])));
      }
      await out.close();
      expected[t.target] = rows;
    }
    const audit = await CsvFileWriter.open(join(sourceDir, 'PatientAudit.csv'), [
      'AuditId',
      'PatientId',
      'ChangedAt',
      'ChangedBy',
    ]);
    for (const [i, p] of expected.LOAD_PMI!.entries()) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await audit.write([String(i + 1), p.RECORD_NUMBER!, `2026-10-${day}T09:00:00`, 'SYSTEM']);
    }
    await audit.close();
    return { sourceDir, expected };
  } finally {
    await rm(cohortDir, { recursive: true, force: true });
  }
}
