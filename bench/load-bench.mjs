#!/usr/bin/env node
// Load benchmark (issue 5): a one-million-row legacy patient extract loaded through a full contract into PostgreSQL
// by Ferry, with 1 and with 2 mapper threads (--workers), against a plain COPY of the same file into an all-text table,
// in the same run. Prints, per Ferry load: time, rows/s, ratio to the plain COPY, the CPU its process used (all
// threads) and its peak RSS (each load runs in its own process, so the peak is its own). Prints the machine's load
// average before and after: the figures mean little on a busy machine. Never fails on timing.
//
//   node bench/load-bench.mjs [--rows 1000000] [--batch-size 10000] [--workers 1,2] [--database postgres://...]
//                             [--baseline path/to/other/core/dist/index.js]
//
// Measured figures, with the machine load at the time: bench/load/RESULTS.md.
//
// --baseline also times the single-thread load of another build of the core (e.g. main before a change, built in a
// temporary directory), in the same run, for a before/after comparison on the same machine at the same time.
import { execFile } from 'node:child_process';
import { createReadStream, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { sourceHeader } from './load/bench-contract.mjs';
import { writePatientExtract } from './load/patient-extract-file.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: '10000' },
    workers: { type: 'string', default: '1,2' },
    baseline: { type: 'string' },
    database: {
      type: 'string',
      default: process.env.FERRY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const rows = Number(values.rows);
const dir = join(tmpdir(), `ferry-load-bench-${rows}`);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'PATIENT.csv');
const bytes = await writePatientExtract(file, rows);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`extract: ${rows.toLocaleString('en-GB')} rows, ${(bytes / 1048576).toFixed(1)} MB, CRLF, ${file}`);
console.log(`load average at the start (1, 5, 15 min): ${load()}`);

const schema = `bench_load_${process.pid}`;
const admin = new pg.Client({ connectionString: values.database });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const url = new URL(values.database);
url.searchParams.set('options', `-c search_path=${schema}`);
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function plainCopy() {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(
    `DROP TABLE IF EXISTS raw_patient; CREATE TABLE raw_patient (${sourceHeader.map((c) => `"${c}" text`).join(', ')})`,
  );
  const t = performance.now();
  await pipeline(
    createReadStream(file),
    client.query(copyStreams.from('COPY raw_patient FROM STDIN WITH (FORMAT csv, HEADER true)')),
  );
  const ms = performance.now() - t;
  const {
    rows: [r],
  } = await client.query('SELECT count(*)::int AS n FROM raw_patient');
  await client.query('DROP TABLE raw_patient');
  await client.end();
  return { ms, n: r.n };
}

async function ferryLoad(core, workers) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      here('./load/ferry-load-run.mjs'),
      '--core',
      core,
      '--file',
      file,
      '--url',
      url.toString(),
      '--workers',
      String(workers),
      '--batch-size',
      values['batch-size'],
      '--dir',
      dir,
    ],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop());
}

try {
  const runs = [];
  const copies = [await plainCopy()];
  if (values.baseline)
    runs.push({ label: 'baseline core, 1 thread', ...(await ferryLoad(resolve(values.baseline), 1)) });
  for (const w of values.workers.split(',').map(Number)) {
    const label = w > 1 ? `--workers ${w}` : '1 thread (default)';
    runs.push({ label, ...(await ferryLoad(here('../packages/core/dist/index.js'), w)) });
  }
  copies.push(await plainCopy());
  const copyMs = Math.min(...copies.map((c) => c.ms));
  console.log(
    `plain COPY into an all-text table: ${secs(copyMs)} (${Math.round((copies[0].n * 1000) / copyMs).toLocaleString('en-GB')} rows/s; best of ${copies.map((c) => secs(c.ms)).join(' and ')}, before and after the Ferry loads)`,
  );
  for (const r of runs) {
    const t = r.table;
    console.log(
      `Ferry full-contract load, ${r.label.padEnd(24)} ${secs(r.ms).padStart(8)}  ${Math.round((t.read * 1000) / r.ms)
        .toLocaleString('en-GB')
        .padStart(
          9,
        )} rows/s  ratio ${(r.ms / copyMs).toFixed(2)}x  CPU ${r.cpuSeconds.toFixed(1)} s  peak RSS ${mb(r.peakRss)}${r.atPeak ? ` (main thread then: heap ${mb(r.atPeak.heapTotal)}, buffers ${mb(r.atPeak.arrayBuffers)})` : ''}  (read ${t.read}, loaded ${t.loaded}, rejected ${t.rejected}, balanced ${t.balanced})`,
    );
  }
  console.log(`load average at the end (1, 5, 15 min): ${load()}`);
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
