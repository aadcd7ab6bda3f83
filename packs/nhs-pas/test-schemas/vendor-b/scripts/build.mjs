#!/usr/bin/env node
// Writes the vendor-b test schema from the declarations in ./model:
//   ../source-catalog.csv  the catalog (tables sorted by name, as a database introspection lists them)
//   ../gold.csv            the mapping an analyst approved: source column -> nhs-pas LOAD field
//   ../data/*.csv          a small synthetic extract of a few tables (see synthetic-data.mjs)
//
//   node packs/nhs-pas/test-schemas/vendor-b/scripts/build.mjs          write the files, print the counts
//   node packs/nhs-pas/test-schemas/vendor-b/scripts/build.mjs --check  write nothing; exit 1 when stale
//
// Deterministic: the same declarations give byte-identical files.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVendorB } from './vendor-b-model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const targetCatalogPath = join(here, '../../../catalog/target.csv');

const built = buildVendorB(readFileSync(targetCatalogPath, 'utf8'));
const check = process.argv.includes('--check');
let stale = 0;
for (const [relative, text] of built.files) {
  const path = join(root, relative);
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  if (check) {
    process.stderr.write(`stale: ${relative}\n`);
    stale++;
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
  }
}
const c = built.counts;
process.stdout.write(
  `vendor-b: ${c.tables} tables, ${c.columns} columns (in scope ${c.inScopeTables} tables, ${c.inScopeColumns} columns); ` +
    `gold ${c.gold} mappings into ${c.goldTargetTables} LOAD tables; data ${c.dataTables} tables\n`,
);
if (stale > 0) process.exit(1);
