import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatContractCsv } from '../../contract/contract-csv.js';
import { parseContractCsv } from '../../contract/contract-csv-parser.js';
import { smallContract } from '../../contract/contract-test-fixture.js';
import { formatCrosswalkCsv, parseCrosswalkCsv } from '../../crosswalk/crosswalk-csv.js';
import { RejectsFile } from '../../migrate/rejects-file.js';
import { readRejectedKeys } from '../../reconcile/rejected-keys.js';
import { parseCsvText } from './csv-text-parser.js';

const attack = "=2+5+cmd|' /C calc'!A0";
const formulaCell = /^[=+\-@\t\r]/;
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** No cell of a CSV text starts a spreadsheet formula. */
function expectNoFormulaCells(csv: string): void {
  for (const row of parseCsvText(csv)) for (const cell of row) expect(cell, cell).not.toMatch(formulaCell);
}

describe('every CSV a person opens goes through the formula guard', () => {
  it('contract export: guarded, and the import gives the value back', () => {
    const contract = smallContract();
    contract.tables[0]!.fields[0]!.notes = attack;
    const csv = formatContractCsv(contract);
    expect(csv).toContain(`'=2+5+cmd`);
    expectNoFormulaCells(csv);
    expect(parseContractCsv(csv, 'contract.csv').tables[0]!.fields[0]!.notes).toBe(attack);
  });

  it('crosswalk export: guarded, and the import gives the label back', () => {
    const text = `code_type,source_code,source_label,target_code,target_label,equivalence,status\ngender,M,${attack.replaceAll('"', '""')},1,Male,,\n`;
    const set = parseCrosswalkCsv(text, 'x.csv');
    const csv = formatCrosswalkCsv(set);
    expectNoFormulaCells(csv);
    expect(parseCrosswalkCsv(csv, 'x.csv')).toEqual(set);
  });

  it('rejects.csv: a hostile source key is guarded, and reconciliation reads the key back exactly', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ferry-guard-')), 'rejects.csv');
    const rejects = await RejectsFile.open(path);
    await rejects.write({
      sourceTable: 'PATIENT',
      sourceKey: attack,
      reasonCode: 'REQUIRED_MISSING',
      field: 'NHS_NUMBER',
      message: 'required',
      targetTable: 'LOAD_PMI',
      line: 2,
    });
    await rejects.close();
    expectNoFormulaCells(await readFile(path, 'utf8'));
    expect([...((await readRejectedKeys(path)).get('PATIENT') ?? [])]).toEqual([attack]);
  });

  it('exact (unguarded) CSV is written only where machines load the values: LOAD files, COPY, generated extracts', async () => {
    const allowed = [
      'packages/core/src/connectors/csv/csv-writer.ts',
      'packages/core/src/migrate/csv-load-target.ts',
      'packages/core/src/migrate/database-load-target.ts',
      'packages/core/src/migrate/copy-rows.ts',
      'packs/nhs-pas/src/generator/cohort-writer.ts',
      'packs/optical/src/generator/generate-practice.ts',
    ];
    const offenders: string[] = [];
    for (const dir of ['packages/core/src', 'packages/server/src', 'packages/cli/src', 'packs']) {
      for (const entry of await readdir(join(repoRoot, dir), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
        const file = relative(repoRoot, join(entry.parentPath, entry.name));
        if (file.includes('node_modules') || file.includes('/dist/')) continue;
        const text = await readFile(join(repoRoot, file), 'utf8');
        if (
          /formatExactCsvRow|formatCsvFields|formatCsvField\b|CsvFileWriter\.open\([^;]*?'exact'/.test(text) &&
          !allowed.includes(file)
        )
          offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});
