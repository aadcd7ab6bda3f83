#!/usr/bin/env node
// Auto-mapping benchmark: seconds, fields/s and peak RSS of suggestContract on
//   - nhs-pas: the pack's full legacy catalog (419 tables, 5,580 fields) -> the LOAD catalog (38 tables, 869 fields)
//   - vendor-b: the second test schema (141 tables, 2,025 fields) -> the same LOAD catalog
//   - vendor-b+data: the same with a value profile of its synthetic extract (profiling not timed)
// with precision, recall and F1 against each gold. suggestContract is synchronous: it runs on one core (the
// main thread). Each case runs in its own child process so its peak RSS is its own. Runs against the built
// core: `npx tsc -b packages/core` first.
//
//   node bench/map-bench.mjs                      # every case, 3 timed runs each (best and median printed)
//   node bench/map-bench.mjs --repeat 5
//   node bench/map-bench.mjs --profile-rows 200000  # then run bench/profile-bench.mjs on a generated table
//
// Prints figures only; it never fails on timing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const pack = (p) => root(`packs/nhs-pas/${p}`);
const cases = {
  'nhs-pas': { source: pack('catalog/source.csv'), gold: undefined, data: undefined },
  'vendor-b': {
    source: pack('test-schemas/vendor-b/source-catalog.csv'),
    gold: pack('test-schemas/vendor-b/gold.csv'),
    data: undefined,
  },
  'vendor-b+data': {
    source: pack('test-schemas/vendor-b/source-catalog.csv'),
    gold: pack('test-schemas/vendor-b/gold.csv'),
    data: pack('test-schemas/vendor-b/data'),
  },
};

const { values } = parseArgs({
  options: {
    case: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    'profile-rows': { type: 'string' },
  },
});
const repeat = Math.max(1, Number(values.repeat));

async function loadCore() {
  return import('../packages/core/dist/index.js').catch(() => {
    console.error('bench: packages/core/dist is missing; run `npx tsc -b packages/core` first');
    process.exit(2);
  });
}

/** Child: one case, JSON on stdout. */
async function runCase(name) {
  const core = await loadCore();
  const spec = cases[name];
  const [sourceCatalog, targetCatalog, crosswalks] = await Promise.all([
    core.readCatalogCsv(spec.source),
    core.readCatalogCsv(pack('catalog/target.csv')),
    core.readCrosswalkCsv(pack('crosswalks/crosswalks.csv')),
  ]);
  const gold = spec.gold
    ? await core.readGoldCsv(spec.gold)
    : core.goldFromContract(await core.readContractFile(pack('contract/contract.json')));
  const profile = spec.data
    ? await core.profileSource(await core.CsvSourceConnector.open(spec.data), {
        identifierColumns: core.catalogIdentifierColumns(sourceCatalog),
      })
    : undefined;
  const input = {
    sourceCatalog,
    targetCatalog,
    crosswalkCodeTypes: new Set(crosswalks.entries.map((e) => e.codeType)),
    ...(profile ? { profile } : {}),
  };
  const seconds = [];
  let suggestion;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    suggestion = core.suggestContract(input);
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const evaluation = core.evaluateMapping(suggestion, gold);
  const size = (c) => core.catalogSize(c);
  process.stdout.write(
    `${JSON.stringify({
      name,
      source: size(sourceCatalog),
      target: size(targetCatalog),
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      evaluation,
    })}\n`,
  );
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function parent() {
  console.log(`suggestContract, one core (main thread), ${repeat} timed run(s) per case, Node ${process.version}`);
  console.log(
    'case           source tables/fields  target tables/fields   best s  median s  source fields/s  peak RSS MB   precision  recall  F1',
  );
  for (const name of Object.keys(cases)) {
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--case', name, '--repeat', String(repeat)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    if (child.status !== 0) {
      console.error(`bench: case ${name} failed\n${child.stderr}`);
      process.exitCode = 3;
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1));
    const best = Math.min(...r.seconds);
    const e = r.evaluation;
    console.log(
      [
        name.padEnd(14),
        `${r.source.tables}/${r.source.fields}`.padStart(20),
        `${r.target.tables}/${r.target.fields}`.padStart(21),
        best.toFixed(2).padStart(8),
        median(r.seconds).toFixed(2).padStart(9),
        Math.round(r.source.fields / best)
          .toLocaleString('en-GB')
          .padStart(16),
        r.peakRssMb.toFixed(0).padStart(12),
        e.precision.toFixed(4).padStart(11),
        e.recall.toFixed(4).padStart(7),
        e.f1.toFixed(4).padStart(7),
      ].join(' '),
    );
  }
  if (values['profile-rows']) {
    console.log(`\nbench/profile-bench.mjs --rows ${values['profile-rows']}`);
    spawnSync(process.execPath, [root('bench/profile-bench.mjs'), '--rows', values['profile-rows']], {
      stdio: 'inherit',
    });
  }
}

if (values.case) {
  if (!cases[values.case]) {
    console.error(`bench: unknown case ${values.case} (${Object.keys(cases).join(', ')})`);
    process.exit(2);
  }
  await runCase(values.case);
} else {
  parent();
}
