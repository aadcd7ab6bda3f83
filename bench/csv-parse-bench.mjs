#!/usr/bin/env node
import { once } from 'node:events';
// CSV reader benchmark: rows/s, MB/s and peak RSS of readCsvRecords (and readCsvBatches) on a large
// patient-like CSV (quoted fields, CRLF). Runs against the built core: `npx tsc -b packages/core` first.
//
//   node bench/csv-parse-bench.mjs                 # generates ~1,000,000 rows in os.tmpdir() (cached)
//   node bench/csv-parse-bench.mjs --rows 200000   # a smaller generated file
//   node bench/csv-parse-bench.mjs --plain         # the same data without any quoted field (the fast path)
//   node bench/csv-parse-bench.mjs path/to/file.csv [--encoding windows-1252]
//
// Prints figures only; it never fails on timing.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { readCsvBatches, readCsvRecords } = await import('../packages/core/dist/connectors/csv/index.js').catch(() => {
  console.error('bench: packages/core/dist is missing; run `npx tsc -b packages/core` first');
  process.exit(2);
});

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: '1000000' },
    encoding: { type: 'string', default: 'auto' },
    plain: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);

/** Seeded PRNG (mulberry32): the generated file is the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames = ['SMITH', 'JONES', "O'BRIEN", 'WILLIAMS', 'TAYLOR', 'BROWN', 'DAVIES', 'EVANS', 'WILSON', 'THOMAS'];
const forenames = ['OLIVIA', 'JACK', 'AMELIA', 'HARRY', 'ISLA', 'OSCAR', 'ZOË', 'RENÉ', 'MUHAMMAD', 'SIÂN'];
const streets = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road'];
const towns = ['Leeds', 'York', 'Bradford', 'Harrogate', 'Wakefield', 'Halifax'];
const notes = ['', '', '', 'Prefers "Pat"', 'Interpreter needed, Polish', 'Wheelchair user\r\nramp access', 'NKDA'];

async function generate(path, count, plain) {
  const rand = prng(20240601);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const q = plain
    ? (s) => s.replace(/[",\r\n]/g, ' ')
    : (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const out = createWriteStream(path);
  out.write('PAT_ID,HOSPITAL_NO,NHS_NUMBER,SURNAME,FORENAMES,DOB,SEX,ADDRESS,POSTCODE,GP_PRACTICE,NOTES\r\n');
  let buf = '';
  for (let i = 1; i <= count; i++) {
    const dob = `${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}/${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}/${1920 + Math.floor(rand() * 100)}`;
    const address = `${1 + Math.floor(rand() * 200)} ${pick(streets)}, ${pick(towns)}`;
    const nhs = String(9000000000 + Math.floor(rand() * 999999999));
    buf += `${i},H${String(i).padStart(7, '0')},${nhs},${q(pick(surnames))},${q(pick(forenames))},${dob},${1 + Math.floor(rand() * 2)},${q(address)},LS${1 + Math.floor(rand() * 28)} ${Math.floor(rand() * 9)}AB,B8${String(Math.floor(rand() * 9999)).padStart(4, '0')},${q(pick(notes))}\r\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

let path = positionals[0];
if (!path) {
  path = join(tmpdir(), `ferry-bench-patients-${rows}${values.plain ? '-plain' : ''}.csv`);
  if (!existsSync(path)) {
    const t = performance.now();
    await generate(path, rows, values.plain);
    console.log(`generated ${path} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}
const bytes = statSync(path).size;
const mb = bytes / 1e6;

let peakRss = process.memoryUsage().rss;
const sample = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
};
const timer = setInterval(sample, 20);

async function run(label, fn) {
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  const t = performance.now();
  const records = await fn();
  const s = (performance.now() - t) / 1000;
  sample();
  console.log(
    `${label.padEnd(16)} ${records.toLocaleString('en-GB')} records in ${s.toFixed(2)} s: ` +
      `${Math.round(records / s).toLocaleString('en-GB')} rows/s, ${(mb / s).toFixed(1)} MB/s, ` +
      `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (start ${(rssBefore / 2 ** 20).toFixed(0)} MiB)`,
  );
}

const options = { encoding: values.encoding };
console.log(`file: ${path} (${mb.toFixed(1)} MB), node ${process.version}`);
await run('readCsvRecords', async () => {
  let n = 0;
  let fields = 0;
  for await (const r of readCsvRecords(path, options)) {
    n++;
    fields += r.fields.length;
    if ((n & 0xffff) === 0) sample();
  }
  return fields > 0 ? n : 0;
});
await run('readCsvBatches', async () => {
  let n = 0;
  for await (const batch of readCsvBatches(path, options)) {
    n += batch.length;
    sample();
  }
  return n;
});
clearInterval(timer);
