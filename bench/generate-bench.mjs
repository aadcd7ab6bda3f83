#!/usr/bin/env node
// Generator benchmark: patients/s, rows/s, MB/s written and peak RSS of the nhs-pas cohort generator.
// Runs against the built packages: `npx tsc -b packages/cli` first.
//
//   node bench/generate-bench.mjs                        # 100,000 patients, defects typical, into os.tmpdir()
//   node bench/generate-bench.mjs --patients 20000 --defects none --keep
//
// Prints figures only; it never fails on timing. The output folder is removed afterwards unless --keep.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const generator = await import('../packs/nhs-pas/dist/generator/index.js').catch(() => {
  console.error('bench: packs/nhs-pas/dist is missing; run `npx tsc -b packages/cli` first');
  process.exit(2);
});

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    defects: { type: 'string', default: 'typical' },
    keep: { type: 'boolean', default: false },
  },
});
const patients = Number(values.patients);
const outDir = await mkdtemp(join(tmpdir(), 'ferry-generate-bench-'));

function folderBytes(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return total;
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let lastShown = 0;
const result = await generator.generateCohort({
  patients,
  seed: Number(values.seed),
  defects: values.defects,
  outDir,
  onProgress: (done, total) => {
    const now = performance.now();
    if (now - lastShown > 5000 || done === total) {
      lastShown = now;
      process.stderr.write(
        `  ${done}/${total} patients, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB\n`,
      );
    }
  },
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const bytes = folderBytes(outDir);
let sourceRows = 0;
let expectedRows = 0;
for (const [file, rows] of Object.entries(result.files)) {
  if (file.startsWith('source/')) sourceRows += rows;
  else if (file.startsWith('expected/')) expectedRows += rows;
}
const rows = sourceRows + expectedRows;
const fmt = (n, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log(`generate-bench: ${fmt(patients)} patients, defects ${values.defects}, seed ${values.seed}`);
console.log(
  `  wall time       ${fmt(seconds, 1)} s (cpu user ${fmt(cpu.user / 1e6, 1)} s, system ${fmt(cpu.system / 1e6, 1)} s)`,
);
console.log(`  patients/s      ${fmt(patients / seconds)}`);
console.log(
  `  rows/s          ${fmt(rows / seconds)} (${fmt(sourceRows)} source + ${fmt(expectedRows)} expected rows)`,
);
console.log(
  `  MB/s written    ${fmt(bytes / 1e6 / seconds, 1)} (${fmt(bytes / 1e6, 1)} MB in ${Object.keys(result.files).length} files)`,
);
console.log(`  peak RSS        ${fmt(peakRss / 2 ** 20)} MiB`);
console.log(`  defects         ${fmt(result.defects)}`);
if (values.keep) console.log(`  output kept in  ${outDir}`);
else rmSync(outDir, { recursive: true, force: true });
