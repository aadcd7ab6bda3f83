#!/usr/bin/env node
// Optical practice import benchmark (issue 15): a generated 10,000-patient practice (about 50,000 examinations,
// 40,000 prescriptions, 30,000 dispenses, with their appointments, notes, lab orders and recalls) in a vendor's export
// layout, imported as one job (`ferry import all FOLDER`, the same engine in-process) into a company of a fresh
// PostgreSQL platform database. Prints the records per file, the import time and records per second; the promise is
// under 60 s on a 2-core machine (the incumbent promises 10,000 patients in under 30 minutes). Never fails on timing;
// it fails when the import rejects a record of a clean export or the counts do not balance. Runs the built packages
// (`npx tsc -b packages/cli` first).
//
//   node bench/optical-import-bench.mjs [--patients 10000] [--vendor optix] [--batch-size 1000]
//                                       [--database postgres://postgres@127.0.0.1:5432/test]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  completeImport,
  createImport,
  importPath,
  openPlatformDatabase,
  practiceJobView,
  shippedPacks,
  systemImportContext,
} from '@ferry/server';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '10000' },
    vendor: { type: 'string', default: 'optix' },
    'batch-size': { type: 'string', default: '1000' },
    database: {
      type: 'string',
      default: process.env.FERRY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});

const cli = new URL('../packages/cli/bin/ferry.js', import.meta.url).pathname;
const dbName = `ferry_optical_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: values.database });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(values.database);
url.pathname = `/${dbName}`;
const out = mkdtempSync(join(tmpdir(), 'ferry-optical-bench-'));
let failed = false;
try {
  const migrate = spawnSync(process.execPath, [cli, 'db', 'migrate'], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`ferry db migrate failed: ${migrate.stderr}`);
  const owner = new pg.Client({ connectionString: url.toString() });
  await owner.connect();
  const {
    rows: [org],
  } = await owner.query(`INSERT INTO organisations (slug, name) VALUES ('bench-optics', 'Bench Optics') RETURNING id`);
  await owner.end();

  const patients = Number(values.patients);
  let t0 = Date.now();
  const generated = await shippedPacks
    .get(`optical:${values.vendor}`)
    .generate({ patients, seed: 15, defects: 'none', outDir: out });
  console.log(
    `generated a ${patients}-patient ${values.vendor} practice in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  for (const [file, rows] of Object.entries(generated.files))
    if (file.startsWith('source/')) console.log(`  ${file.slice(7).padEnd(28)} ${String(rows).padStart(8)}`);

  const db = await openPlatformDatabase(url.toString(), { poolSize: 2 });
  try {
    const ctx = systemImportContext(db, org.id, shippedPacks.asMap(), 'bench');
    t0 = Date.now();
    const job = await createImport(ctx, {
      sourceSystem: values.vendor,
      batchSize: Number(values['batch-size']),
      continueOnError: true,
    });
    await importPath(ctx, job.jobId, join(out, 'source'));
    const done = practiceJobView(await completeImport(ctx, job.jobId));
    const seconds = (Date.now() - t0) / 1000;
    const c = done.counts;
    console.log(
      `imported ${c.imported} of ${c.read} records (${c.rejected} rejected, ${c.skipped} skipped) in ${seconds.toFixed(1)} s` +
        ` = ${Math.round(c.read / seconds)} records/s; target < 60 s (load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})`,
    );
    const expected = Object.entries(generated.files)
      .filter(([f]) => f.startsWith('source/'))
      .reduce((n, [, rows]) => n + rows, 0);
    if (c.rejected > 0 || c.read !== expected || c.imported + c.rejected + c.skipped + c.outOfScope !== c.read) {
      console.error(`FAIL: a clean export must import whole (${expected} source rows)`);
      failed = true;
    }
  } finally {
    await db.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
process.exitCode = failed ? 1 : 0;
