import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CsvSourceConnector,
  goldFromContract,
  mappingSuggestionSchema,
  profileSource,
  validateContractForLoad,
  writeGoldCsv,
  writeProfileJson,
} from '@ferry/core';
import { nhsPasPack, nhsPasPackFiles } from '@ferry/pack-nhs-pas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../run-command.js';
import { runFerry } from '../testing/run-ferry.js';

/** `ferry ARGS` in-process through the real `main()`: same parsing, output and exit codes. */
const ferry = runFerry;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-map-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the nhs-pas pack's reviewed contract", () => {
  it('validates for load with zero errors (and no warnings)', async () => {
    const [contract, sourceCatalog, targetCatalog, crosswalks] = await Promise.all([
      nhsPasPack.contract(),
      nhsPasPack.sourceCatalog(),
      nhsPasPack.targetCatalog(),
      nhsPasPack.crosswalks(),
    ]);
    const findings = validateContractForLoad(contract, {
      sourceCatalog,
      targetCatalog,
      crosswalkCodeTypes: crosswalks.entries.map((e) => e.codeType),
    });
    expect(findings).toEqual([]);
  });
});

describe('ferry map on the nhs-pas pack', () => {
  it("suggests a mapping from the full legacy catalog close to the pack's reviewed contract", async () => {
    const out = join(dir, 'suggestion.json');
    const r = await ferry(
      'map',
      '--source-catalog',
      nhsPasPackFiles.sourceCatalog,
      '--target-pack',
      'nhs-pas',
      '--evaluate',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    const gold = goldFromContract(await nhsPasPack.contract());
    expect(summary).toMatchObject({ targetTables: 38, matchedTables: 38, gold: gold.length, usedProfile: false });
    // The bar another issue sets: P >= 0.95, R >= 0.90.
    expect(summary.precision).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall).toBeGreaterThanOrEqual(0.9);
    expect(summary.f1).toBeGreaterThan(0.9);
    const suggestion = mappingSuggestionSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(suggestion.tables.find((t) => t.target === 'LOAD_PMI')!.source!.table).toBe('PATIENT');
  });

  it('evaluates against a gold CSV and prints precision, recall and F1', async () => {
    const goldFile = join(dir, 'gold.csv');
    await writeGoldCsv(goldFromContract(await nhsPasPack.contract()).slice(0, 100), goldFile);
    const r = await ferry(
      'map',
      '--source-catalog',
      nhsPasPackFiles.sourceCatalogCore,
      '--target-pack',
      'nhs-pas',
      '--gold',
      goldFile,
      '--out',
      join(dir, 's2.json'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Matched 38 of 38 target tables/);
    expect(r.stdout).toMatch(/precision 0\.\d{4} {2}recall [01]\.\d{4} {2}F1 0\.\d{4}/);
    expect(r.stdout).toMatch(/; 100 gold mappings/);
  });

  it('profiles --source-data (or reads --profile) and scores with value evidence', async () => {
    const data = join(dir, 'data');
    await mkdir(data, { recursive: true });
    const nhs = ['9990000018', '9990000026', '9990000034', '9990000042', '9990000050', '9990000069'];
    const rows = nhs.map((n, i) => `${i + 1},H${i},${n},0${i + 1}/02/1960`);
    await writeFile(join(data, 'PATIENT.csv'), `PAT_ID,HOSP_NO,NHS_NO,DOB\n${rows.join('\n')}\n`);
    const common = ['--source-catalog', nhsPasPackFiles.sourceCatalogCore, '--target-pack', 'nhs-pas', '--json'];
    const fromData = await ferry('map', ...common, '--source-data', `csv:${data}`, '--out', join(dir, 'd.json'));
    expect(fromData.code).toBe(0);
    expect(JSON.parse(fromData.stdout)).toMatchObject({ usedProfile: true, matchedTables: 38 });
    const suggestion = mappingSuggestionSchema.parse(JSON.parse(await readFile(join(dir, 'd.json'), 'utf8')));
    const pmi = suggestion.tables.find((t) => t.target === 'LOAD_PMI')!;
    const nhsField = pmi.fields.find((f) => f.target === 'NHS_NUMBER')!;
    expect(nhsField.best).toMatchObject({ table: 'PATIENT', column: 'NHS_NO' });
    expect(nhsField.best!.reason).toContain('100% values pass Mod 11');

    const profileFile = join(dir, 'profile.json');
    await writeProfileJson(await profileSource(await CsvSourceConnector.open(data)), profileFile);
    const fromFile = await ferry('map', ...common, '--profile', profileFile, '--out', join(dir, 'p.json'));
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ usedProfile: true });
    expect(await readFile(join(dir, 'p.json'), 'utf8')).toBe(await readFile(join(dir, 'd.json'), 'utf8'));
  });

  it('exits 2 with a clear message on bad input, writing nothing', async () => {
    const badGold = join(dir, 'bad-gold.csv');
    await writeFile(badGold, 'source_table,source_column\nPATIENT,DOB\n');
    const out = join(dir, 'never.json');
    const cases: Array<[string[], string]> = [
      [['--source-catalog', join(dir, 'none.csv'), '--target-pack', 'nhs-pas'], 'none.csv'],
      [['--source-catalog', nhsPasPackFiles.sourceCatalogCore, '--target-pack', 'optix'], "Unknown pack 'optix'"],
      [
        ['--source-catalog', nhsPasPackFiles.sourceCatalogCore, '--target-pack', 'nhs-pas', '--min-confidence', '1.5'],
        '--min-confidence must be a number in [0, 1]',
      ],
      [
        ['--source-catalog', nhsPasPackFiles.sourceCatalogCore, '--target-pack', 'nhs-pas', '--gold', badGold],
        'target_table: required column is missing from the header',
      ],
      [
        ['--source-catalog', nhsPasPackFiles.sourceCatalogCore, '--target-pack', 'nhs-pas', '--profile', badGold],
        'profile file is not valid JSON',
      ],
    ];
    for (const [args, message] of cases) {
      const r = await ferry('map', ...args, '--out', out);
      expect(r.code).toBe(exitCodes.usage);
      expect(r.stderr).toContain(message);
    }
    await expect(readFile(out)).rejects.toThrow();
  });
});
