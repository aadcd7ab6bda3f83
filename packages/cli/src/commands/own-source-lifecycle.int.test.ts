import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContractRows, reviewDraft, writeContractRows } from '../test-fixtures/vendor-extract/analyst-review.js';
import { type Row, type VendorExtract, writeVendorExtract } from '../test-fixtures/vendor-extract/vendor-extract.js';

/**
 * A team's own extract, end to end through the built CLI (child processes of packages/cli/bin/ferry.js): a vendor
 * layout that is not the nhs-pas source layout (test-fixtures/vendor-extract), its catalog drafted from the data, a
 * contract suggested, the rows the suggestion got wrong fixed in the contract CSV as an analyst would, the lifecycle
 * into a PostgreSQL target, and the job rolled back.
 */
const pgUp = await postgresReachable();
const ferryBin = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));

function ferry(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ferryBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

async function targetRows(url: string, table: string, columns: string[]): Promise<Row[]> {
  const db = await PostgresDatabase.open(url);
  try {
    const select = columns.map((c) => `coalesce("${c}"::text, '') AS "${c}"`).join(', ');
    return await db.query<Row>(`SELECT ${select} FROM "${table}" ORDER BY "RECORD_NUMBER"`);
  } finally {
    await db.close();
  }
}

let dir: string;
let extract: VendorExtract;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-own-source-'));
  extract = await writeVendorExtract(dir, { patients: 20, seed: 5 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.runIf(pgUp)("a team's own extract through the CLI", () => {
  it('drafts the catalog, suggests a contract, loads the reviewed one, gates, reconciles, evidences and rolls back', {
    timeout: 240_000,
  }, async () => {
    const source = `csv:${extract.sourceDir}`;
    const catalog = join(dir, 'catalog.csv');
    const contract = join(dir, 'contract.csv');

    // First, the source catalog is drafted from the data: keys, references and scope inferred.
    const drafted = await ferry('catalog', 'draft', '--source', source, '--out', catalog);
    expect(drafted).toMatchObject({ code: 0, stderr: '' });
    expect(drafted.stdout).toContain('4 tables, 76 fields (3 in scope); 4 primary keys, 3 references');
    const catalogCsv = await readFile(catalog, 'utf8');
    expect(catalogCsv).toContain('Patient,PatientId,integer,,false,true,,,,true');
    expect(catalogCsv).toContain('PatientAddress,PatientId,integer,,false,false,Patient.PatientId,,,true');
    expect(catalogCsv).toContain('HospitalStay,PatientId,integer,,false,false,Patient.PatientId,,,true');
    expect(catalogCsv).toContain('PatientAudit,AuditId,integer,,false,true,,,,false');

    // Then the mapper suggests a draft contract against the pack's target, with what stops it loading, row by row.
    const mapped = await ferry(
      'map',
      '--source-catalog',
      catalog,
      '--source-data',
      source,
      '--target-pack',
      'nhs-pas',
      '--out',
      join(dir, 'suggestion.json'),
      '--contract-out',
      contract,
      '--json',
    );
    expect(mapped).toMatchObject({ code: 0, stderr: '' });
    const draft = await readContractRows(contract);
    expect(new Set(draft.map((r) => r.status))).toEqual(new Set(['draft']));
    const line = (column: string) => draft.findIndex((r) => `${r.target_table}.${r.target_column}` === column) + 2;
    const toFix: string[] = JSON.parse(mapped.stdout).contract.toFix;
    expect(toFix).toContain(
      `${contract}:${line('LOAD_PMIADDRS.ADDRESS_LINE1')} LOAD_PMIADDRS.ADDRESS_LINE1: MANDATORY_UNMAPPED mandatory field has no source or constant`,
    );
    expect(toFix).toContain(
      `${contract}:${line('LOAD_ADT_ADMISSIONS.MAIN_CRN')} LOAD_ADT_ADMISSIONS.MAIN_CRN: MANDATORY_UNMAPPED mandatory field has no source or constant`,
    );

    const schema = await createTestSchema('own_source');
    try {
      const lifecycle = (contractFile: string, out: string) =>
        ferry(
          'lifecycle',
          '--pack',
          'nhs-pas',
          '--source',
          source,
          '--source-catalog',
          catalog,
          '--contract',
          contractFile,
          '--release-profile',
          'development',
          '--as-of',
          '2026-10-31',
          '--target',
          schema.url,
          '--out',
          out,
          '--json',
        );

      // The draft as suggested is refused before anything runs, naming the rows to fix.
      const refused = await lifecycle(contract, join(dir, 'refused'));
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`row(s) to fix in ${contract}:`);
      expect(refused.stderr).toContain(
        `${contract}:${line('LOAD_PMIADDRS.ADDRESS_LINE1')} LOAD_PMIADDRS.ADDRESS_LINE1`,
      );

      // The analyst reviews the draft in a spreadsheet and saves it; the lifecycle runs with it.
      const reviewed = join(dir, 'contract-reviewed.csv');
      await writeContractRows(reviewed, reviewDraft(draft));
      const run = await lifecycle(reviewed, join(dir, 'run'));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout);
      const loaded = Object.values(extract.expected).reduce((n, rows) => n + rows.length, 0);
      // Conservation: the audit table (one row per patient) is read and counted out of scope, not loaded.
      const audit = extract.expected.LOAD_PMI!.length;
      expect(summary).toMatchObject({
        gate: 'PASS',
        release_gate: 'PASS',
        reconciliation: 'MATCH',
        source_rows: loaded + audit,
        loaded_rows: loaded,
        rejected_rows: 0,
        out_of_scope_rows: audit,
      });
      const manifest = JSON.parse(await readFile(join(summary.evidence, 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.files)).toContain('mapping_contract.csv');
      const evidenceRun = JSON.parse(await readFile(join(summary.evidence, 'lifecycle_run.json'), 'utf8'));
      expect(evidenceRun.sourceCatalog).toMatchObject({
        name: 'catalog',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      // The target holds exactly the expected rows.
      for (const [table, rows] of Object.entries(extract.expected)) {
        expect(rows.length, table).toBeGreaterThan(0);
        expect(await targetRows(schema.url, table, Object.keys(rows[0]!)), table).toEqual(rows);
      }

      // A rerun of the gate with the pack's contract would judge this load by another contract: refused.
      const other = await ferry(
        'lifecycle',
        '--pack',
        'nhs-pas',
        '--release-profile',
        'development',
        '--target',
        schema.url,
        '--out',
        join(dir, 'run'),
        '--from',
        'gate',
      );
      expect(other.code).toBe(2);
      expect(other.stderr).toMatch(/--from gate reuses the load of run .*, made with another contract/);

      // Then the job is rolled back: the target is empty again.
      const rolled = await ferry('rollback', summary.job_id, '--target', schema.url, '--json');
      expect(rolled).toMatchObject({ code: 0, stderr: '' });
      for (const [table, rows] of Object.entries(extract.expected)) {
        expect(await targetRows(schema.url, table, Object.keys(rows[0]!)), table).toEqual([]);
      }
    } finally {
      await schema.drop();
    }
  });
});
