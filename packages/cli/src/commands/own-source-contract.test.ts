import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContractRow,
  readContractRows,
  reviewDraft,
  writeContractRows,
} from '../test-fixtures/vendor-extract/analyst-review.js';
import { type VendorExtract, writeVendorExtract } from '../test-fixtures/vendor-extract/vendor-extract.js';
import { runFerry as ferry } from '../testing/run-ferry.js';

/**
 * The contract of a team's own extract (the CarePoint layout of test-fixtures/vendor-extract), through `ferry map
 * --contract-out`, `ferry migrate --contract FILE.csv --source-catalog FILE` and `ferry lifecycle`: a draft that
 * loads, and refusals that name each row to fix.
 */
let dir: string;
let extract: VendorExtract;
let catalog: string;
let draftFile: string;
let draft: ContractRow[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-own-contract-'));
  extract = await writeVendorExtract(dir, { patients: 6, seed: 11 });
  catalog = join(dir, 'catalog.csv');
  draftFile = join(dir, 'draft.csv');
  expect((await ferry('catalog', 'draft', '--source', `csv:${extract.sourceDir}`, '--out', catalog)).code).toBe(0);
  const mapped = await ferry(
    'map',
    '--source-catalog',
    catalog,
    '--target-pack',
    'nhs-pas',
    '--out',
    join(dir, 'suggestion.json'),
    '--contract-out',
    draftFile,
  );
  expect(mapped.stderr).toBe('');
  expect(mapped.code).toBe(0);
  draft = await readContractRows(draftFile);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The CSV line of a contract row (the header is line 1). */
const lineOf = (rows: ContractRow[], name: string) =>
  rows.findIndex((r) => `${r.target_table}.${r.target_column}` === name) + 2;

function migrate(contract: string, ...extra: string[]) {
  return ferry(
    'migrate',
    '--source',
    `csv:${extract.sourceDir}`,
    '--contract',
    contract,
    '--target',
    `csv:${join(dir, 'load')}`,
    '--out',
    join(dir, 'job'),
    '--release-profile',
    'development',
    '--json',
    ...extra,
  );
}

describe('ferry map --contract-out', () => {
  it('writes a draft contract CSV: every row draft, with its confidence and reason, and says which rows to fix', async () => {
    expect(new Set(draft.map((r) => r.status))).toEqual(new Set(['draft']));
    const surname = draft.find((r) => r.target_table === 'LOAD_PMI' && r.target_column === 'SURNAME')!;
    expect(surname).toMatchObject({ source_table: 'Patient', source_columns: 'FamilyName', transform: 'trim' });
    expect(surname.notes).toMatch(/^suggested \(0\.\d+\): /);
    const text = await ferry(
      'map',
      '--source-catalog',
      catalog,
      '--target-pack',
      'nhs-pas',
      '--out',
      join(dir, 's2.json'),
      '--contract-out',
      join(dir, 'draft2.csv'),
    );
    expect(text.stdout).toContain(`Draft contract written to ${join(dir, 'draft2.csv')}:`);
    expect(text.stdout).toContain(
      `    ${join(dir, 'draft2.csv')}:${lineOf(draft, 'LOAD_PMIADDRS.ADDRESS_LINE1')} LOAD_PMIADDRS.ADDRESS_LINE1: MANDATORY_UNMAPPED mandatory field has no source or constant\n`,
    );
    expect(await readFile(join(dir, 'draft2.csv'), 'utf8')).toBe(await readFile(draftFile, 'utf8'));
  });

  it('refuses a --contract-out that is not a .csv file before writing anything', async () => {
    const r = await ferry(
      'map',
      '--source-catalog',
      catalog,
      '--target-pack',
      'nhs-pas',
      '--out',
      join(dir, 'never.json'),
      '--contract-out',
      join(dir, 'c.json'),
    );
    expect([r.code, r.stderr]).toEqual([
      2,
      'ferry: --contract-out writes the contract CSV: give a file name ending in .csv\n',
    ]);
    await expect(readFile(join(dir, 'never.json'))).rejects.toThrow();
  });
});

describe('ferry migrate --contract FILE.csv --source-catalog FILE', () => {
  it('refuses a contract that cannot load, naming each row to fix, and loads nothing (exit 2)', async () => {
    // The analyst's reviewed contract, then four mistakes: an unknown source column, a mandatory field left
    // unmapped, a date fed by an integer column, and a date without its transform.
    const rows = reviewDraft(draft).map((r) => {
      const name = `${r.target_table}.${r.target_column}`;
      if (name === 'LOAD_PMI.SURNAME') return { ...r, source_columns: 'Surname' };
      if (name === 'LOAD_PMI.FORENAME') return { ...r, source_columns: '', transform: '' };
      if (name === 'LOAD_PMI.DATE_OF_BIRTH') return { ...r, source_columns: 'PatientId' };
      if (name === 'LOAD_PMI.REGISTRATION_DATE') return { ...r, transform: 'trim' };
      return r;
    });
    const bad = join(dir, 'bad.csv');
    await writeContractRows(bad, rows);
    const r = await migrate(bad, '--source-catalog', catalog);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      `ferry: The contract cannot be loaded: 4 row(s) to fix in ${bad}:`,
      `  ${bad}:${lineOf(rows, 'LOAD_PMI.SURNAME')} LOAD_PMI.SURNAME: SOURCE_COLUMN_UNKNOWN source column Surname is not a column of Patient`,
      `  ${bad}:${lineOf(rows, 'LOAD_PMI.FORENAME')} LOAD_PMI.FORENAME: MANDATORY_UNMAPPED mandatory field has no source or constant`,
      `  ${bad}:${lineOf(rows, 'LOAD_PMI.DATE_OF_BIRTH')} LOAD_PMI.DATE_OF_BIRTH: TYPE_INCOMPATIBLE date target fed by PatientId (integer)`,
      `  ${bad}:${lineOf(rows, 'LOAD_PMI.REGISTRATION_DATE')} LOAD_PMI.REGISTRATION_DATE: TRANSFORM_MISSING date target needs a date transform (has: trim)`,
      '',
    ]);
    await expect(readFile(join(dir, 'job', 'migration_report.json'))).rejects.toThrow();
  });

  it("refuses the pack's contract on this layout, listing every table and column it lacks, before loading", async () => {
    const r = await ferry(
      'migrate',
      '--source',
      `csv:${extract.sourceDir}`,
      '--target',
      `csv:${join(dir, 'load-pack')}`,
      '--out',
      join(dir, 'job-pack'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ferry: The source does not hold what contract nhs-pas reads (38 missing):\n');
    expect(r.stderr).toContain('\n  table PATIENT (for LOAD_PMI)\n');
    expect(existsSync(join(dir, 'load-pack'))).toBe(false);
  });

  it('lists a missing column with the field it feeds', async () => {
    const rows = reviewDraft(draft).map((r) =>
      r.target_table === 'LOAD_PMI' && r.target_column === 'EMAIL' ? { ...r, source_columns: 'EmailAddress' } : r,
    );
    const file = join(dir, 'no-column.csv');
    await writeContractRows(file, rows);
    // Without --source-catalog, the source's own header is the reference.
    const r = await migrate(file);
    expect([r.code, r.stderr]).toEqual([
      2,
      'ferry: The source does not hold what contract catalog-to-nhs-pas-target-draft reads (1 missing):\n' +
        '  column Patient.EmailAddress (for LOAD_PMI.EMAIL)\n' +
        'A source in its own layout needs its own source catalog and contract: draft the catalog from the source, ' +
        'map it to the target into a draft contract, review it, and run with both.\n',
    ]);
  });

  it('loads the reviewed contract CSV: every row of the extract loaded, none rejected', async () => {
    const reviewed = join(dir, 'reviewed.csv');
    await writeContractRows(reviewed, reviewDraft(draft));
    const r = await migrate(reviewed, '--source-catalog', catalog);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const loaded = Object.values(extract.expected).reduce((n, rows) => n + rows.length, 0);
    expect(JSON.parse(r.stdout).totals).toMatchObject({ loaded, rejected: 0 });
  });
});

describe('ferry lifecycle with a project source catalog', () => {
  it("refuses the pack's contract on a source in another layout before the run starts, listing what is missing", async () => {
    const out = join(dir, 'lc-pack');
    const r = await ferry(
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--source',
      `csv:${extract.sourceDir}`,
      '--release-profile',
      'development',
      '--target',
      `csv:${join(out, 'load')}`,
      '--out',
      out,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ferry: The source does not hold what contract nhs-pas reads (38 missing):\n');
    expect(r.stderr).toContain('\n  table STAFF (for LOAD_STAFF)\n');
    expect(r.stderr).toContain('needs its own source catalog and contract');
    // Only the folder's lock was taken: no run was recorded.
    expect(existsSync(join(out, 'runs'))).toBe(false);
  });

  it("refuses --source-catalog without --contract: the pack's contract is for the pack's layout", async () => {
    const r = await ferry(
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--source',
      `csv:${extract.sourceDir}`,
      '--source-catalog',
      catalog,
      '--release-profile',
      'development',
      '--out',
      join(dir, 'lc'),
    );
    expect([r.code, r.stderr]).toEqual([
      2,
      "ferry: --source-catalog needs --contract: the pack's contract is written for the pack's own source layout\n",
    ]);
  });
});
