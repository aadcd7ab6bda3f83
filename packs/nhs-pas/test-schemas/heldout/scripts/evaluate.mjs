#!/usr/bin/env node
// Evaluates the auto-mapper (suggestContract from the built core) on every test schema, one schema at a time:
// precision, recall and F1 against its gold, from the catalog alone and with a value profile of its synthetic
// extract (--source-data), and a reliability table (are suggestions at confidence c right about c of the time?).
//
// This script scores each schema on its own with the mapper as it is (raw confidence, threshold 0.35). The
// leave-one-schema-out run, where the calibration and the acceptance threshold are fitted on the other schemas,
// is ./leave-one-out.mjs. Which schemas were looked at when each rule was written is recorded in
// packages/core/src/mapping/README.md, so figures for a schema that prompted a rule are marked there.
//
//   npx tsc -b packages/core && node packs/nhs-pas/test-schemas/heldout/scripts/evaluate.mjs [--json] [--schema NAME]

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = (p) => fileURLToPath(new URL(`../../../../../${p}`, import.meta.url));
const pack = (p) => root(`packs/nhs-pas/${p}`);
const heldOut = (name) => ({
  source: pack(`test-schemas/heldout/${name}/source-catalog.csv`),
  gold: pack(`test-schemas/heldout/${name}/gold.csv`),
  data: pack(`test-schemas/heldout/${name}/data`),
});
export const schemas = {
  'nhs-pas': { source: pack('catalog/source.csv'), gold: undefined, data: undefined },
  'vendor-b': {
    source: pack('test-schemas/vendor-b/source-catalog.csv'),
    gold: pack('test-schemas/vendor-b/gold.csv'),
    data: pack('test-schemas/vendor-b/data'),
  },
  'mumps-pas': heldOut('mumps-pas'),
  'java-ehr': heldOut('java-ehr'),
  'coded-pas': heldOut('coded-pas'),
  'us-ehr': heldOut('us-ehr'),
};

const { values } = parseArgs({ options: { json: { type: 'boolean' }, schema: { type: 'string' } } });
const core = await import(root('packages/core/dist/index.js'));

const [targetCatalog, crosswalks] = await Promise.all([
  core.readCatalogCsv(pack('catalog/target.csv')),
  core.readCrosswalkCsv(pack('crosswalks/crosswalks.csv')),
]);
const crosswalkCodeTypes = new Set(crosswalks.entries.map((e) => e.codeType));
const key = (st, sc, tt, tc) => `${tt}.${tc}<-${st}.${sc}`;

/** Every suggested field with its confidence and whether the gold has it. */
function judged(suggestion, gold) {
  const goldKeys = new Set(gold.map((g) => key(g.sourceTable, g.sourceColumn, g.targetTable, g.targetColumn)));
  return suggestion.tables.flatMap((t) =>
    t.fields.flatMap((f) =>
      f.best
        ? [{ confidence: f.best.confidence, right: goldKeys.has(key(f.best.table, f.best.column, t.target, f.target)) }]
        : [],
    ),
  );
}

const rows = [];
const reliability = [];
for (const [name, spec] of Object.entries(schemas)) {
  if (values.schema && values.schema !== name) continue;
  const sourceCatalog = await core.readCatalogCsv(spec.source);
  const gold = spec.gold
    ? await core.readGoldCsv(spec.gold)
    : core.goldFromContract(await core.readContractFile(pack('contract/contract.json')));
  for (const withData of [false, true]) {
    if (withData && !(spec.data && existsSync(spec.data))) continue;
    const profile = withData
      ? await core.profileSource(await core.CsvSourceConnector.open(spec.data), {
          identifierColumns: core.catalogIdentifierColumns(sourceCatalog),
        })
      : undefined;
    const t0 = process.hrtime.bigint();
    const suggestion = core.suggestContract({
      sourceCatalog,
      targetCatalog,
      crosswalkCodeTypes,
      ...(profile ? { profile } : {}),
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const e = core.evaluateMapping(suggestion, gold);
    rows.push({ schema: name, data: withData, ...e, seconds: Math.round(seconds * 100) / 100 });
    for (const j of judged(suggestion, gold)) reliability.push({ ...j, schema: name, data: withData });
  }
}

const bins = [0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
function reliabilityTable(items) {
  const out = [];
  for (let i = 0; i + 1 < bins.length; i++) {
    const inBin = items.filter((j) => j.confidence >= bins[i] && j.confidence < bins[i + 1]);
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((s, j) => s + j.confidence, 0) / inBin.length;
    const right = inBin.filter((j) => j.right).length / inBin.length;
    out.push({ from: bins[i], to: Math.min(1, bins[i + 1]), n: inBin.length, meanConfidence: mean, rightShare: right });
  }
  return out;
}
// The held-out schemas only: the pack's own source and vendor-b are what the rules were written on.
const heldOutNames = new Set(['mumps-pas', 'java-ehr', 'coded-pas', 'us-ehr']);
const table = reliabilityTable(reliability.filter((j) => heldOutNames.has(j.schema)));

if (values.json) {
  process.stdout.write(`${JSON.stringify({ rows, reliability: table })}\n`);
} else {
  const f = (x) => x.toFixed(3);
  console.log('schema      data  precision  recall     F1  correct/suggested  gold  seconds');
  for (const r of rows) {
    console.log(
      `${r.schema.padEnd(11)} ${(r.data ? 'yes' : 'no').padEnd(4)} ${f(r.precision).padStart(10)} ${f(r.recall).padStart(7)} ${f(r.f1).padStart(6)} ${`${r.truePositives}/${r.mapped}`.padStart(18)} ${String(r.gold).padStart(5)} ${r.seconds.toFixed(2).padStart(8)}`,
    );
  }
  console.log('\nreliability on the held-out schemas (catalog only and with data pooled)');
  console.log('confidence     n  mean conf  right');
  for (const b of table) {
    console.log(
      `${b.from.toFixed(2)}-${b.to.toFixed(2)} ${String(b.n).padStart(6)} ${f(b.meanConfidence).padStart(10)} ${f(b.rightShare).padStart(6)}`,
    );
  }
}
