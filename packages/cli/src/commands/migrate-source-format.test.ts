import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

/**
 * `ferry migrate` on an extract in another layout than the pack's own: a semicolon-delimited PATIENT file with a
 * trailing blank line and a Windows-1252 name. The load reads it as its columns, skips and counts the blank line, and
 * says how each file was read, on screen and in migration_report.json.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-source-format-'));
  const gen = await runFerry('generate', '--pack', 'nhs-pas', '--patients', '5', '--seed', '3', '--out', dir, '--json');
  expect(gen.code, gen.stderr).toBe(0);
  const patients = join(dir, 'source', 'PATIENT.csv');
  const text = await readFile(patients, 'utf8');
  // Re-delimited field by field (no generated PATIENT value holds a quote, comma or semicolon of its own).
  expect(text).not.toMatch(/[";]/);
  const semicolons = text.replaceAll(',', ';').replace(/\n?$/, '\n\n');
  await writeFile(patients, Buffer.from(semicolons.replace('WBR', 'W\u00c9R'), 'latin1'));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ferry migrate: how source files are read', () => {
  it('loads a semicolon-delimited Windows-1252 file, counts its blank line and reports the format', async () => {
    const out = join(dir, 'job');
    const r = await runFerry(
      'migrate',
      '--source',
      `csv:${join(dir, 'source')}`,
      '--target',
      `csv:${join(dir, 'load')}`,
      '--release-profile',
      'development',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PATIENT +-> LOAD_PMI .* \(1 blank line\)/);
    expect(r.stdout).toContain('source PATIENT.csv: read as windows-1252 (not-utf-8), semicolon-delimited (detected)');
    const report = JSON.parse(await readFile(join(out, 'migration_report.json'), 'utf8'));
    const patient = report.tables.find((t: { sourceTable: string }) => t.sourceTable === 'PATIENT');
    expect(patient).toMatchObject({ read: 6, blankLines: 1, balanced: true });
    expect(patient.loaded).toBeGreaterThan(0);
    expect(report.sourceFiles.find((f: { table: string }) => f.table === 'PATIENT')).toEqual({
      table: 'PATIENT',
      file: 'PATIENT.csv',
      encoding: 'windows-1252',
      encodingSource: 'not-utf-8',
      delimiter: 'semicolon',
      delimiterSource: 'detected',
      lineEnding: 'lf',
    });
  }, 120_000);
});
