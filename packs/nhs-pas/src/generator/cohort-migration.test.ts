import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrosswalkIndex, CsvSourceConnector, openLoadTarget, RejectsFile, runMigration } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { nhsPasPack } from '../index.js';
import { generateTestCohort, readCsvTable } from './testing/cohort-files.js';

// Story: the engine engineer migrates the generated cohort with the reviewed contract into CSV LOAD files and
// compares every file with expected/. The generator never runs the contract, so agreement here means the contract
// and the generator's own statement of the target form say the same thing.

async function migrate(dir: string) {
  const source = await CsvSourceConnector.open(join(dir, 'source'));
  const target = await openLoadTarget(`csv:${join(dir, 'load')}`);
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  try {
    return await runMigration({
      jobId: 'generator-test',
      contract: await nhsPasPack.contract(),
      source,
      targetCatalog: await nhsPasPack.targetCatalog(),
      crosswalks: new CrosswalkIndex(await nhsPasPack.crosswalks()),
      releaseProfile: 'pre_production',
      target,
      rejects,
    });
  } finally {
    await rejects.close();
    await target.close();
  }
}

function differingFiles(dir: string): string[] {
  return readdirSync(join(dir, 'expected')).filter(
    (f) => readFileSync(join(dir, 'expected', f), 'utf8') !== readFileSync(join(dir, 'load', f), 'utf8'),
  );
}

describe('expected/ against a real migration', () => {
  it('equals the CSV LOAD files byte for byte for a clean cohort, with no rejects', async () => {
    const { dir } = await generateTestCohort(300, 21, 'none');
    const report = await migrate(dir);
    expect(differingFiles(dir)).toEqual([]);
    expect(report.tables.reduce((n, t) => n + t.rejected, 0)).toBe(0);
    expect(report.tables.find((t) => t.sourceTable === 'PATIENT')!.outOfScope).toBeGreaterThan(0);
  });

  it('rejects exactly the reject defects (and their descendants) and loads the issue defects', async () => {
    const { dir } = await generateTestCohort(200, 21, 'typical');
    await migrate(dir);
    expect(differingFiles(dir)).toEqual([]);
    const rejected = new Set(
      readCsvTable(join(dir, 'rejects.csv')).rows.map((r) => `${r.source_table}|${r.source_key}`),
    );
    const defects = readCsvTable(join(dir, 'defects.csv')).rows;
    for (const d of defects) {
      expect(rejected.has(`${d.source_table}|${d.source_key}`), `${d.defect} ${d.source_table} ${d.source_key}`).toBe(
        d.expected === 'reject',
      );
    }
  });
});
