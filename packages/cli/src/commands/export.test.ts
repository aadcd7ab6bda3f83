import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

describe('ferry export fhir', () => {
  it('exports a CSV target job to valid FHIR NDJSON whose counts reconcile, and refuses an unknown job', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-cli-fhir-'));
    const target = `csv:${join(out, 'load')}`;
    const lc = await runFerry(
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--patients',
      '12',
      '--seed',
      '4',
      '--defects',
      'none',
      '--release-profile',
      'pre_production',
      '--target',
      target,
      '--out',
      out,
      '--json',
    );
    expect(lc.code).toBe(0);
    const run = JSON.parse(await readFile(join(out, 'evidence', 'lifecycle_run.json'), 'utf8'));
    const fhir = join(out, 'fhir');
    const { code, stdout, stderr } = await runFerry(
      'export',
      'fhir',
      '--target',
      target,
      '--job',
      run.jobId,
      '--out',
      fhir,
      '--as-of',
      '2026-11-22',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.outcome).toBe('VALID');
    expect(report.reconciled).toBe(true);
    const patients = report.counts.find((c: { resourceType: string }) => c.resourceType === 'Patient');
    const pmiLines = (await readFile(join(out, 'load', 'LOAD_PMI.csv'), 'utf8')).trim().split('\n').length - 1;
    expect(patients).toMatchObject({ targetRows: pmiLines, exported: pmiLines, inFiles: pmiLines, reconciled: true });
    const files = (await readdir(fhir)).sort();
    expect(files).toContain('Patient.ndjson');
    expect(files).toContain('export_report.json');
    expect(JSON.parse(await readFile(join(fhir, 'export_report.json'), 'utf8')).outcome).toBe('VALID');

    const wrongJob = await runFerry('export', 'fhir', '--target', target, '--job', 'no-such-job', '--out', fhir);
    expect(wrongJob.code).not.toBe(0);
    expect(wrongJob.stderr).toContain('no-such-job');
  }, 300_000);
});
