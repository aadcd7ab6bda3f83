import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, parseCsvText, runLifecycle } from '@ferry/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nhsPasPack } from '../index.js';
import { checkFhirNdjson } from './fhir-export-check.js';
import { exportJobToFhir, type FhirExportReport } from './fhir-export-job.js';

/** A 30-patient cohort migrated into PGlite by the whole lifecycle, exported once to FHIR NDJSON. */
let exportDir: string;
let expectedDir: string;
let report: FhirExportReport;

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'ferry-fhir-'));
  const target = `pglite:${join(out, 'target')}`;
  const { record, runDir } = await runLifecycle({
    pack: nhsPasPack,
    source: { kind: 'generated', patients: 30, seed: 3, defects: 'none' },
    releaseProfile: 'pre_production',
    target,
    outDir: out,
    versions: { ferry: 'test' },
    now: () => new Date('2026-11-22T09:00:00Z'),
  });
  expectedDir = join(runDir, 'generate', 'expected');
  exportDir = join(out, 'fhir');
  const db = await openDatabase(target);
  try {
    report = await exportJobToFhir({
      db,
      jobId: record.jobId!,
      targetCatalog: await nhsPasPack.targetCatalog(),
      outDir: exportDir,
      build: { asOf: '2026-11-22' },
      pageSize: 7,
    });
  } finally {
    await db.close();
  }
}, 240_000);

const expectedRows = async (table: string) =>
  parseCsvText(await readFile(join(expectedDir, `${table}.csv`), 'utf8')).length - 1;

describe('FHIR R4 export of an nhs-pas target', () => {
  it('writes every resource valid against R4 with valid NHS numbers and resolved references', () => {
    expect(report.check.findings).toEqual([]);
    expect(report.check.findingCounts).toEqual({ r4: 0, 'nhs-number': 0, reference: 0, json: 0, 'duplicate-id': 0 });
    expect(report.outcome).toBe('VALID');
  });

  it('reconciles every resource type with the rows the generator expected in its LOAD tables', async () => {
    const byType = Object.fromEntries(report.counts.map((c) => [c.resourceType, c]));
    expect(Object.keys(byType).sort()).toEqual([
      'AllergyIntolerance',
      'Appointment',
      'Condition',
      'Encounter',
      'EpisodeOfCare',
      'Flag',
      'Patient',
      'Procedure',
      'ServiceRequest',
    ]);
    for (const c of report.counts) {
      let want = 0;
      for (const t of c.tables) want += await expectedRows(t);
      expect({ type: c.resourceType, targetRows: c.targetRows, exported: c.exported, inFiles: c.inFiles }).toEqual({
        type: c.resourceType,
        targetRows: want,
        exported: want,
        inFiles: want,
      });
    }
    expect(byType.Patient!.exported).toBe(await expectedRows('LOAD_PMI'));
    expect(byType.Patient!.exported).toBeGreaterThan(0);
    expect(report.reconciled).toBe(true);
    const written = JSON.parse(await readFile(join(exportDir, 'export_report.json'), 'utf8'));
    expect(written.outcome).toBe('VALID');
  });

  it('carries the NHS number with its system and verification status, and the hospital number', async () => {
    const pmi = parseCsvText(await readFile(join(expectedDir, 'LOAD_PMI.csv'), 'utf8'));
    const col = (n: string) => pmi[0]!.indexOf(n);
    const withNhs = pmi.slice(1).find((r) => r[col('NHS_NUMBER')] && r[col('NHS_NUMBER_STATUS')])!;
    const patients = (await readFile(join(exportDir, 'Patient.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const p = patients.find((x) => x.id === withNhs[col('RECORD_NUMBER')]);
    expect(p.identifier[0]).toEqual({
      extension: [
        {
          url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
          valueCodeableConcept: {
            coding: [
              {
                system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
                code: withNhs[col('NHS_NUMBER_STATUS')],
                display: expect.any(String),
              },
            ],
          },
        },
      ],
      system: 'https://fhir.nhs.uk/Id/nhs-number',
      value: withNhs[col('NHS_NUMBER')],
    });
    expect(p.identifier[1]).toEqual({ system: 'urn:ferry:legpas:hosp', value: withNhs[col('MAIN_CRN')] });
    expect(p.name[0].family).toBe(withNhs[col('SURNAME')]);
    expect(p.birthDate).toBe(withNhs[col('DATE_OF_BIRTH')]);
  });

  it('reports a broken reference, a bad NHS number and an invalid date after the files are tampered with', async () => {
    const tampered = await mkdtemp(join(tmpdir(), 'ferry-fhir-bad-'));
    const copy = async (type: string, edit: (lines: string[]) => void) => {
      const lines = (await readFile(join(exportDir, `${type}.ndjson`), 'utf8')).trimEnd().split('\n');
      edit(lines);
      await writeFile(join(tampered, `${type}.ndjson`), `${lines.join('\n')}\n`);
    };
    let brokenNhs = '';
    let brokenPatient = '';
    await copy('Patient', (lines) => {
      const i = lines.findIndex((l) => l.includes('https://fhir.nhs.uk/Id/nhs-number'));
      const p = JSON.parse(lines[i]!);
      const v: string = p.identifier[0].value;
      brokenNhs = `${v.slice(0, 9)}${(Number(v[9]) + 1) % 10}`;
      p.identifier[0].value = brokenNhs;
      p.birthDate = '1970-13-45';
      brokenPatient = `Patient/${p.id}`;
      lines[i] = JSON.stringify(p);
    });
    let brokenRef = '';
    await copy('Encounter', (lines) => {
      const i = lines.findIndex((l) => l.includes('"partOf"'));
      const e = JSON.parse(lines[i]!);
      e.partOf.reference = 'Encounter/adm-999999999';
      brokenRef = `Encounter/${e.id}`;
      lines[i] = JSON.stringify(e);
    });
    const check = await checkFhirNdjson(tampered);
    expect(check.valid).toBe(false);
    expect(check.findingCounts).toEqual({ r4: 1, 'nhs-number': 1, reference: 1, json: 0, 'duplicate-id': 0 });
    const brief = check.findings.map((f) => ({ resource: f.resource, kind: f.kind, message: f.message }));
    expect(brief).toContainEqual({
      resource: brokenRef,
      kind: 'reference',
      message: 'Encounter/adm-999999999 is not in the export',
    });
    expect(brief).toContainEqual({
      resource: brokenPatient,
      kind: 'nhs-number',
      message: `NHS number ${brokenNhs} fails the Modulus 11 check`,
    });
    expect(brief.find((f) => f.kind === 'r4')).toMatchObject({ resource: brokenPatient });
    expect(brief.find((f) => f.kind === 'r4')!.message).toContain('birthDate');
  });
});
