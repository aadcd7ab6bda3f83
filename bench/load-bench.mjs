#!/usr/bin/env node
// Load benchmark (issue 5): a one-million-row legacy patient extract loaded through a full contract into PostgreSQL
// by Ferry, against a plain COPY of the same file into an all-text table, in the same run. Prints both times, their
// ratio and Ferry's peak RSS. Never fails on timing. Runs against the built core (npm install builds it).
//
//   node bench/load-bench.mjs [--rows 1000000] [--batch-size 10000] [--database postgres://...]
import { createReadStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { contract, crosswalks, sourceHeader, targetCatalog } from './load/bench-contract.mjs';
import { writePatientExtract } from './load/patient-extract-file.mjs';

const core = await import('../packages/core/dist/index.js');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: '10000' },
    database: {
      type: 'string',
      default: process.env.FERRY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const rows = Number(values.rows);
const dir = join(tmpdir(), `ferry-load-bench-${rows}`);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'PATIENT.csv');
const bytes = await writePatientExtract(file, rows);
console.log(`extract: ${rows.toLocaleString('en-GB')} rows, ${(bytes / 1048576).toFixed(1)} MB, CRLF, ${file}`);

const schema = `bench_load_${process.pid}`;
const admin = new pg.Client({ connectionString: values.database });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const url = new URL(values.database);
url.searchParams.set('options', `-c search_path=${schema}`);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;

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
  await client.end();
  return { ms, n: r.n };
}

async function ferryLoad() {
  const db = await core.PostgresDatabase.open(url.toString());
  await db.exec(
    'DROP TABLE IF EXISTS "LOAD_PATIENT"; DROP TABLE IF EXISTS ferry_jobs, ferry_job_chunks, ferry_rejects, ferry_job_events',
  );
  const rejects = await core.RejectsFile.open(join(dir, 'rejects.csv'));
  peak = process.memoryUsage.rss();
  const t = performance.now();
  const report = await core.runMigration({
    jobId: 'bench',
    contract: core.mappingContractSchema.parse(contract),
    source: await core.CsvSourceConnector.open(file),
    targetCatalog,
    crosswalks: new core.CrosswalkIndex(core.crosswalkSetSchema.parse(crosswalks)),
    releaseProfile: 'cutover_ready',
    target: new core.DatabaseLoadTarget(db),
    rejects,
    batchSize: Number(values['batch-size']),
  });
  const ms = performance.now() - t;
  await rejects.close();
  await db.close();
  return { ms, report, peakRss: peak };
}

try {
  const copy1 = await plainCopy();
  const ferry = await ferryLoad();
  const copy2 = await plainCopy();
  const copyMs = Math.min(copy1.ms, copy2.ms);
  const t = ferry.report.tables[0];
  console.log(
    `plain COPY into an all-text table: ${(copyMs / 1000).toFixed(2)} s (${Math.round((copy1.n * 1000) / copyMs).toLocaleString('en-GB')} rows/s; runs ${(copy1.ms / 1000).toFixed(2)} s and ${(copy2.ms / 1000).toFixed(2)} s)`,
  );
  console.log(
    `Ferry full-contract load:          ${(ferry.ms / 1000).toFixed(2)} s (${Math.round((t.read * 1000) / ferry.ms).toLocaleString('en-GB')} rows/s): read ${t.read}, loaded ${t.loaded}, rejected ${t.rejected}, balanced ${t.balanced}`,
  );
  console.log(
    `ratio Ferry / plain COPY: ${(ferry.ms / copyMs).toFixed(2)}x   peak RSS during the Ferry load: ${mb(ferry.peakRss)}`,
  );
} finally {
  clearInterval(sampler);
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
