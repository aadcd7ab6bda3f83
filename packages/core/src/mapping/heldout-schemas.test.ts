import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCatalogCsv } from '../catalog/catalog-csv-reader.js';
import { readCrosswalkCsv } from '../crosswalk/crosswalk-csv.js';
import { readGoldCsv } from './gold-csv.js';
import { evaluateMapping } from './mapping-evaluation.js';
import { suggestContract } from './suggest-contract.js';

// The held-out test schemas (packs/nhs-pas/test-schemas/heldout, written by scripts/build.mjs), catalog only:
// floors at the figures this mapper reaches, so a change that loses them is seen. The README of this module
// says which rules were written while looking at which schema.
const pack = (p: string) => fileURLToPath(new URL(`../../../../packs/nhs-pas/${p}`, import.meta.url));
const floors: Record<string, { precision: number; recall: number }> = {
  'mumps-pas': { precision: 0.95, recall: 0.9 },
  'java-ehr': { precision: 0.95, recall: 0.9 },
  'coded-pas': { precision: 0.95, recall: 0.8 },
  'us-ehr': { precision: 0.95, recall: 0.85 },
};

describe('suggestContract on the held-out schemas', async () => {
  const [targetCatalog, crosswalks] = await Promise.all([
    readCatalogCsv(pack('catalog/target.csv')),
    readCrosswalkCsv(pack('crosswalks/crosswalks.csv')),
  ]);
  const crosswalkCodeTypes = new Set(crosswalks.entries.map((e) => e.codeType));
  for (const [name, floor] of Object.entries(floors)) {
    it(`${name}: precision >= ${floor.precision}, recall >= ${floor.recall}`, async () => {
      const dir = `test-schemas/heldout/${name}`;
      const [sourceCatalog, gold] = await Promise.all([
        readCatalogCsv(pack(`${dir}/source-catalog.csv`)),
        readGoldCsv(pack(`${dir}/gold.csv`)),
      ]);
      const e = evaluateMapping(suggestContract({ sourceCatalog, targetCatalog, crosswalkCodeTypes }), gold);
      expect(e.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(e.recall).toBeGreaterThanOrEqual(floor.recall);
    });
  }
});
