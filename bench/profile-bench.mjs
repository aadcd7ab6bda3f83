#!/usr/bin/env node
// Profile benchmark: rows/s, MB/s and peak RSS of profileSource over one large patient-like CSV table
// (high-cardinality names and NHS numbers past the exact-distinct cap, dates in two layouts, codes, flags,
// postcodes, free text). Runs against the built core: `npx tsc -b packages/core` first.
//
//   node bench/profile-bench.mjs                   # generates ~1,000,000 rows in os.tmpdir() (cached)
//   node bench/profile-bench.mjs --rows 200000     # a smaller generated table
//   node bench/profile-bench.mjs path/to/folder    # profile every CSV table of a folder
//
// Prints figures only; it never fails on timing.
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const core = await import('../packages/core/dist/index.js').catch(() => {
  console.error('bench: packages/core/dist is missing; run `npx tsc -b packages/core` first');
  process.exit(2);
});
const { CsvSourceConnector, profileSource, nhsCheckDigit } = core;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: '1000000' },
    'exact-cap': { type: 'string', default: '100000' },
  },
});
const rows = Number(values.rows);

/** Seeded PRNG (mulberry32): the generated table is the same on every run. */
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

const stems = ['SMITH', 'JONES', 'TAYLOR', 'BROWN', 'DAVIES', 'EVANS', 'WILSON', 'THOMAS', 'ROBERTS', 'WALKER'];
const suffixes = ['', 'SON', 'MAN', 'TON', 'LEY', 'FORD', 'WELL', 'HAM', 'WOOD', 'BY'];
const forenames = ['OLIVIA', 'JACK', 'AMELIA', 'HARRY', 'ISLA', 'OSCAR', 'ZOË', 'RENÉ', 'MUHAMMAD', 'SIÂN'];
const outward = ['LS1', 'LS6', 'YO10', 'BD7', 'HG1', 'WF2', 'HX3', 'M1', 'SW1A', 'B33'];
const notes = ['', '', '', 'Prefers "Pat"', 'Interpreter needed, Polish', 'Wheelchair user', 'NKDA'];
const letters = 'ABDEFGHJLNPQRSTUWXYZ';

function nhsNumber(rand) {
  for (;;) {
    const stem = String(400000000 + Math.floor(rand() * 399999999));
    const check = nhsCheckDigit(stem);
    if (check !== undefined) return `${stem}${check}`;
  }
}

async function generate(path, count) {
  const rand = prng(20240602);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const pad = (n) => String(n).padStart(2, '0');
  const out = createWriteStream(path);
  out.write('PAT_ID,HOSP_NO,NHS_NO,SURNAME,FORENAME,DOB,SEX,ETHNIC,POST_CD,GP_PRAC,DECEASED,ADM_DT,NOTES\n');
  let buf = '';
  for (let i = 1; i <= count; i++) {
    const d = 1 + Math.floor(rand() * 28);
    const m = 1 + Math.floor(rand() * 12);
    const y = 1920 + Math.floor(rand() * 100);
    const dob = rand() < 0.02 ? `${y}-${pad(m)}-${pad(d)}` : `${pad(d)}/${pad(m)}/${y}`;
    const surname = `${pick(stems)}${pick(suffixes)}${rand() < 0.5 ? '' : Math.floor(rand() * 5000)}`;
    const postcode = `${pick(outward)} ${Math.floor(rand() * 10)}${pick(letters)}${pick(letters)}`;
    const note = pick(notes);
    const fields = [
      i,
      `H${String(i).padStart(8, '0')}`,
      rand() < 0.03 ? '' : nhsNumber(rand),
      surname,
      pick(forenames),
      rand() < 0.01 ? '' : dob,
      pick(['M', 'F', 'M', 'F', 'U']),
      pick(['A', 'B', 'C', 'H', 'J', 'M', 'Z', '99']),
      rand() < 0.05 ? ' ' : postcode,
      `${pick(['B', 'C', 'Y'])}${81000 + Math.floor(rand() * 900)}`,
      rand() < 0.04 ? 'Y' : 'N',
      `${pad(d)}/${pad(m)}/2024 ${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}`,
      /[",]/.test(note) ? `"${note.replaceAll('"', '""')}"` : note,
    ];
    buf += `${fields.join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
}

let source = positionals[0];
if (!source) {
  source = join(tmpdir(), `ferry-profile-bench-${rows}`);
  const file = join(source, 'PATIENT.csv');
  if (!existsSync(file)) {
    mkdirSync(source, { recursive: true });
    process.stdout.write(`generating ${rows.toLocaleString('en-GB')} rows into ${file} ... `);
    await generate(file, rows);
    process.stdout.write('done\n');
  }
}
const bytes = statSync(source).isDirectory()
  ? readdirSync(source)
      .filter((f) => /\.csv$/i.test(f))
      .reduce((n, f) => n + statSync(join(source, f)).size, 0)
  : statSync(source).size;

const connector = await CsvSourceConnector.open(source);
const cpuStart = process.cpuUsage();
const started = process.hrtime.bigint();
const report = await profileSource(connector, { exactDistinctCap: Number(values['exact-cap']) });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const totalRows = report.tables.reduce((n, t) => n + t.rows, 0);
const columns = report.tables.reduce((n, t) => n + t.columns.length, 0);
const peakMb = process.resourceUsage().maxRSS / 1024;

console.log(
  `profile: ${report.tables.length} table(s), ${columns} columns, ${totalRows.toLocaleString('en-GB')} rows, ${(bytes / 1e6).toFixed(1)} MB`,
);
console.log(
  `  time      ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (a busy machine inflates wall time)`,
);
console.log(
  `  rows/s    ${Math.round(totalRows / seconds).toLocaleString('en-GB')} wall, ${Math.round(totalRows / cpuSeconds).toLocaleString('en-GB')} per CPU second`,
);
console.log(
  `  MB/s      ${(bytes / 1e6 / seconds).toFixed(1)} wall, ${(bytes / 1e6 / cpuSeconds).toFixed(1)} per CPU second`,
);
console.log(`  peak RSS  ${peakMb.toFixed(0)} MB`);
for (const t of report.tables) {
  for (const c of t.columns) {
    const distinct = `${c.distinctIsEstimate ? '~' : ''}${c.distinct.toLocaleString('en-GB')}`;
    console.log(
      `    ${t.name}.${c.name.padEnd(10)} ${c.detectedType.padEnd(10)} ${(c.format ?? '').padEnd(16)} distinct ${distinct.padStart(10)}  shown ${c.topValues.length}  suppressed ${c.suppressed.toLocaleString('en-GB')}`,
    );
  }
}
