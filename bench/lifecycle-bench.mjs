#!/usr/bin/env node
// Lifecycle benchmark (issue 3): the whole nhs-pas lifecycle on a generated cohort, printing each stage's time,
// rows/s and peak RSS, on PGlite and/or a PostgreSQL server. Never fails on timing. Runs against the built packages.
//
//   node bench/lifecycle-bench.mjs [--patients 100000] [--target pglite|postgres|both] [--database postgres://...]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const core = await import('../packages/core/dist/index.js');
const { nhsPasPack } = await import('../packs/nhs-pas/dist/index.js');
const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    target: { type: 'string', default: 'both' },
    profile: { type: 'string', default: 'pre_production' },
    database: {
      type: 'string',
      default: process.env.FERRY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const patients = Number(values.patients);

async function run(label, target, outDir) {
  const started = performance.now();
  const { record } = await core.runLifecycle({
    pack: nhsPasPack,
    source: { kind: 'generated', patients, seed: 1, defects: 'typical' },
    releaseProfile: values.profile,
    target,
    outDir,
    versions: { ferry: 'bench' },
  });
  console.log(
    `\n${label}: ${patients.toLocaleString('en-GB')} patients, ${record.summary.sourceRows.toLocaleString('en-GB')} source rows, ` +
      `outcome ${record.outcome}, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log('stage       seconds      rows     rows/s  peak RSS');
  for (const s of record.stages) {
    if (s.status !== 'Success') continue;
    const rows = s.rows === undefined ? '' : s.rows.toLocaleString('en-GB');
    const rate = s.rowsPerSecond === undefined ? '' : s.rowsPerSecond.toLocaleString('en-GB');
    console.log(
      `${s.stage.padEnd(10)} ${(s.ms / 1000).toFixed(1).padStart(8)} ${rows.padStart(10)} ${rate.padStart(10)} ${String(s.peakRssMb).padStart(6)} MB`,
    );
  }
}

if (values.target === 'pglite' || values.target === 'both') {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-lc-bench-'));
  await run('PGlite', `pglite:${join(dir, 'db')}`, dir);
}
if (values.target === 'postgres' || values.target === 'both') {
  const schema = `bench_lc_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.database });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(values.database);
  url.searchParams.set('options', `-c search_path=${schema}`);
  try {
    await run('PostgreSQL', url.toString(), mkdtempSync(join(tmpdir(), 'ferry-lc-bench-')));
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
