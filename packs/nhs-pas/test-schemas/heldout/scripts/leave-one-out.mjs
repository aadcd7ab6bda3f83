#!/usr/bin/env node
// Leave-one-schema-out evaluation of the auto-mapper with a fitted confidence calibration.
//
// The mapper's rules and word lists hold no schema's names (the abbreviation knowledge is derived from the
// target pack's catalog plus general English/clinical words), so the only things fitted to data are the
// calibration and the acceptance threshold. For each test schema S:
//   1. the mapper runs on every schema (catalog only and with its synthetic extract), keeping suggestions
//      down to --floor (0.2);
//   2. an isotonic calibration (raw confidence -> share right) is fitted on the pooled suggestions of every
//      OTHER schema, and the acceptance threshold is the lowest calibrated confidence at which those other
//      schemas' accepted suggestions are right at least --target-precision (0.95) of the time;
//   3. S is scored with that calibration and threshold: precision, recall, F1, with and without data.
// The reliability table pools every schema's suggestions, each calibrated by the map fitted without it.
//
//   npx tsc -b packages/core && node packs/nhs-pas/test-schemas/heldout/scripts/leave-one-out.mjs [--json]

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = (p) => fileURLToPath(new URL(`../../../../../${p}`, import.meta.url));
const pack = (p) => root(`packs/nhs-pas/${p}`);
const testSchema = (dir) => ({
  source: pack(`test-schemas/${dir}/source-catalog.csv`),
  gold: pack(`test-schemas/${dir}/gold.csv`),
  data: pack(`test-schemas/${dir}/data`),
});
const schemas = {
  'vendor-b': testSchema('vendor-b'),
  'mumps-pas': testSchema('heldout/mumps-pas'),
  'java-ehr': testSchema('heldout/java-ehr'),
  'coded-pas': testSchema('heldout/coded-pas'),
  'us-ehr': testSchema('heldout/us-ehr'),
};

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    floor: { type: 'string', default: '0.2' },
    'target-precision': { type: 'string', default: '0.95' },
  },
});
const floor = Number(values.floor);
const targetPrecision = Number(values['target-precision']);
const core = await import(root('packages/core/dist/index.js'));

const [targetCatalog, crosswalks] = await Promise.all([
  core.readCatalogCsv(pack('catalog/target.csv')),
  core.readCrosswalkCsv(pack('crosswalks/crosswalks.csv')),
]);
const crosswalkCodeTypes = new Set(crosswalks.entries.map((e) => e.codeType));

/** Runs: { schema, data, gold size, judged suggestions, raw evaluation at the default threshold }. */
const runs = [];
for (const [name, spec] of Object.entries(schemas)) {
  const sourceCatalog = await core.readCatalogCsv(spec.source);
  const gold = await core.readGoldCsv(spec.gold);
  for (const withData of [false, true]) {
    if (withData && !existsSync(spec.data)) continue;
    const profile = withData
      ? await core.profileSource(await core.CsvSourceConnector.open(spec.data), {
          identifierColumns: core.catalogIdentifierColumns(sourceCatalog),
        })
      : undefined;
    const suggestion = core.suggestContract({
      sourceCatalog,
      targetCatalog,
      crosswalkCodeTypes,
      minConfidence: floor,
      ...(profile ? { profile } : {}),
    });
    const judged = core.judgeSuggestion(suggestion, gold);
    const goldSize = new Set(gold.map((g) => `${g.targetTable}.${g.targetColumn}<-${g.sourceTable}.${g.sourceColumn}`))
      .size;
    runs.push({ schema: name, data: withData, goldSize, judged });
  }
}

function score(points, goldSize) {
  const mapped = points.length;
  const right = points.filter((p) => p.right).length;
  const precision = mapped === 0 ? 0 : right / mapped;
  const recall = right / goldSize;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, right, mapped, gold: goldSize };
}

const rows = [];
const pooled = [];
const maps = {};
for (const name of Object.keys(schemas)) {
  const training = runs.filter((r) => r.schema !== name).flatMap((r) => r.judged);
  const map = core.fitIsotonic(training);
  const calibratedTraining = training.map((p) => ({ ...p, confidence: core.calibrate(map, p.confidence) }));
  const threshold = core.chooseThreshold(calibratedTraining, targetPrecision);
  maps[name] = { threshold, knots: map.knots.length };
  for (const run of runs.filter((r) => r.schema === name)) {
    const calibrated = run.judged.map((p) => ({ ...p, confidence: core.calibrate(map, p.confidence) }));
    pooled.push(...calibrated);
    rows.push({
      schema: name,
      data: run.data,
      raw: score(
        run.judged.filter((p) => p.confidence >= 0.35),
        run.goldSize,
      ),
      loso: score(
        calibrated.filter((p) => p.confidence >= threshold),
        run.goldSize,
      ),
      threshold,
    });
  }
}
const edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
const reliability = core.reliabilityTable(pooled, edges);
const rawReliability = core.reliabilityTable(
  runs.flatMap((r) => r.judged),
  edges,
);
const accepted = pooled.filter((p) => p.confidence >= 0.9);
const expectedCalibrationError =
  reliability.reduce((s, b) => s + b.n * Math.abs(b.meanConfidence - b.rightShare), 0) / pooled.length;
const rawEce =
  rawReliability.reduce((s, b) => s + b.n * Math.abs(b.meanConfidence - b.rightShare), 0) /
  runs.reduce((n, r) => n + r.judged.length, 0);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ rows, reliability, rawReliability, maps })}\n`);
} else {
  const f = (x) => x.toFixed(3);
  const cell = (e) => `${f(e.precision)} ${f(e.recall)} ${f(e.f1)} ${`${e.right}/${e.mapped}`.padStart(8)}`;
  console.log(
    `leave-one-schema-out; calibration and threshold fitted on the other schemas (target P ${targetPrecision})`,
  );
  console.log(
    'schema      data  raw@0.35: P     R     F1    right/sugg   LOSO: P     R     F1    right/sugg  threshold',
  );
  for (const r of rows) {
    console.log(
      `${r.schema.padEnd(11)} ${(r.data ? 'yes' : 'no').padEnd(5)}         ${cell(r.raw)}         ${cell(r.loso)}  ${f(r.threshold)}`,
    );
  }
  console.log(`\nreliability, raw confidence (all schemas, both settings; ECE ${f(rawEce)})`);
  console.log('confidence     n  mean conf  right');
  for (const b of rawReliability) {
    console.log(
      `${b.from.toFixed(2)}-${b.to.toFixed(2)} ${String(b.n).padStart(6)} ${f(b.meanConfidence).padStart(10)} ${f(b.rightShare).padStart(6)}`,
    );
  }
  console.log(`\nreliability, calibrated leave-one-schema-out (ECE ${f(expectedCalibrationError)})`);
  console.log('confidence     n  mean conf  right');
  for (const b of reliability) {
    console.log(
      `${b.from.toFixed(2)}-${b.to.toFixed(2)} ${String(b.n).padStart(6)} ${f(b.meanConfidence).padStart(10)} ${f(b.rightShare).padStart(6)}`,
    );
  }
  console.log(
    `\n"approve everything at calibrated >= 0.9": ${accepted.length} suggestions, ${f(accepted.filter((p) => p.right).length / Math.max(1, accepted.length))} right`,
  );
}
