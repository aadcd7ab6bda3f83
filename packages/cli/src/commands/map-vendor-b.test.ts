import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mappingSuggestionSchema, readGoldCsv } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

// vendor-b is a second legacy PAS written to keep the mapper honest: PascalCase tbl tables, its own words for
// entities (tblHospital, tblHCP, tblFCE, tblWLDeferral), booleans and datetimes, lookup keys, cryptic columns,
// audit/history/archive look-alikes and a long tail. Its gold is an analyst's mapping to the nhs-pas LOAD
// catalog. The same mapper, with no rule naming any of its tables or columns, must reach the pack's bar.
const vendorB = (p: string) =>
  fileURLToPath(new URL(`../../../../packs/nhs-pas/test-schemas/vendor-b/${p}`, import.meta.url));
const catalog = vendorB('source-catalog.csv');
const gold = vendorB('gold.csv');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-map-vendor-b-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function mapVendorB(...extra: string[]) {
  const out = join(dir, `suggestion-${extra.length}.json`);
  const r = await runFerry(
    'map',
    '--source-catalog',
    catalog,
    '--target-pack',
    'nhs-pas',
    '--gold',
    gold,
    '--evaluate',
    '--out',
    out,
    '--json',
    ...extra,
  );
  expect(r.code, r.stderr).toBe(0);
  const summary = JSON.parse(r.stdout);
  const suggestion = mappingSuggestionSchema.parse(JSON.parse(await readFile(out, 'utf8')));
  return { summary, suggestion };
}

describe('ferry map on the vendor-b test schema', () => {
  it('reaches precision >= 0.95 and recall >= 0.90 against the analyst gold from the catalog alone', async () => {
    const { summary, suggestion } = await mapVendorB();
    const goldRows = await readGoldCsv(gold);
    expect(summary).toMatchObject({ targetTables: 38, gold: goldRows.length, usedProfile: false });
    expect(summary.precision).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall).toBeGreaterThanOrEqual(0.9);
    expect(summary.f1).toBeGreaterThanOrEqual(0.92);
    // The driving tables an analyst chose, and no source for the two families vendor-b does not hold.
    const goldSources = new Map(goldRows.map((g) => [g.targetTable, g.sourceTable]));
    for (const t of suggestion.tables) expect(t.source?.table, t.target).toBe(goldSources.get(t.target));
    expect(summary.matchedTables).toBe(36);
  });

  it('keeps the bar with value evidence from its synthetic extract (--source-data)', async () => {
    const { summary, suggestion } = await mapVendorB('--source-data', `csv:${vendorB('data')}`);
    expect(summary.usedProfile).toBe(true);
    expect(summary.precision).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall).toBeGreaterThanOrEqual(0.9);
    // A cryptic merge column found by its values alone.
    const merges = suggestion.tables.find((t) => t.target === 'LOAD_PMI_MERGES')!;
    const minorNhs = merges.fields.find((f) => f.target === 'MINOR_NHS_NUMBER')!;
    expect(minorNhs.best).toMatchObject({ table: 'tblPatientMerge', column: 'OldNN' });
    expect(minorNhs.best!.reason).toMatch(/values pass Mod 11/);
  });
});
