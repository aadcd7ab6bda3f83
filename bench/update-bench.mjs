#!/usr/bin/env node
// `--on-duplicate update` write path benchmark: rows/s of a job that inserts N rows, of a second job that updates
// every one of them (before-image + update, one transaction per chunk), and of rolling that job back (every row
// restored from its before-image), with peak RSS. Runs against the built core: `npx tsc -b packages/core` first.
//
//   node bench/update-bench.mjs                                  # 200,000 rows into a scratch schema of the test db
//   node bench/update-bench.mjs --rows 1000000 --batch-size 5000
//   node bench/update-bench.mjs --target pglite:/tmp/bench-target
//
// PostgreSQL: FERRY_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); the scratch schema is
// dropped afterwards. Prints figures only; it never fails on timing.
import { parseArgs } from 'node:util';

const core = await import('../packages/core/dist/index.js').catch(() => {
  console.error('bench: packages/core/dist is missing; run `npx tsc -b packages/core` first');
  process.exit(2);
});
const { createTestSchema, DatabaseLoadTarget, emptyLedger, openDatabase, rollbackJob } = core;

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    'batch-size': { type: 'string', default: '5000' },
    target: { type: 'string' },
  },
});
const rows = Number(values.rows);
const batch = Number(values['batch-size']);

const col = (name, dataType, extra = {}) => ({
  name,
  dataType,
  nullable: true,
  primaryKey: false,
  description: '',
  ...extra,
});
const table = {
  name: 'LOAD_BENCH_PMI',
  inScope: true,
  columns: [
    col('RECORD_NUMBER', 'integer', { primaryKey: true, nullable: false }),
    col('NHS_NUMBER', 'string'),
    col('SURNAME', 'string'),
    col('FORENAME', 'string'),
    col('DATE_OF_BIRTH', 'date'),
    col('POSTCODE', 'string'),
  ],
};
const row = (i, forename, dob) => [String(i), String(9000000000 + i), 'SMITH', forename, dob, 'LS1 4AP'];

let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const scratch = values.target ? undefined : await createTestSchema('update_bench');
const db = await openDatabase(values.target ?? scratch.url);
const target = new DatabaseLoadTarget(db);
const time = async (label, fn) => {
  const t0 = performance.now();
  const result = await fn();
  const s = (performance.now() - t0) / 1000;
  console.log(
    `${label.padEnd(30)} ${s.toFixed(2).padStart(8)} s  ${Math.round(rows / s)
      .toLocaleString('en-GB')
      .padStart(10)} rows/s`,
  );
  return result;
};
try {
  const meta = { contractHash: 'bench', releaseProfile: 'bench', batchSize: batch };
  console.log(`${rows.toLocaleString('en-GB')} rows, chunks of ${batch}, into ${db.displayUrl}`);
  await target.begin('bench-a', [table], meta);
  await time('insert (job A)', async () => {
    for (let c = 0; c * batch < rows; c++) {
      const chunk = {
        table,
        sourceTable: 'PATIENT',
        chunkNo: c,
        rows: [],
        lineage: [],
        rejects: [],
        ledger: emptyLedger(),
      };
      for (let i = c * batch; i < Math.min(rows, (c + 1) * batch); i++) {
        chunk.rows.push(row(i, 'Anne', '1970-01-01'));
        chunk.lineage.push({ sourceTable: 'PATIENT', sourceKey: String(i) });
      }
      await target.writeChunk('bench-a', chunk);
    }
  });
  await db.exec('ANALYZE "LOAD_BENCH_PMI"');
  await target.begin('bench-b', [table], { ...meta, onDuplicate: 'update' });
  await time('update every row (job B)', async () => {
    for (let c = 0; c * batch < rows; c++) {
      const chunk = {
        table,
        sourceTable: 'PATIENT',
        chunkNo: c,
        rows: [],
        lineage: [],
        updates: [],
        rejects: [],
        ledger: emptyLedger(),
      };
      for (let i = c * batch; i < Math.min(rows, (c + 1) * batch); i++) {
        chunk.updates.push({
          ownerJobId: 'bench-a',
          values: row(i, 'Annie', '1970-01-02'),
          lineage: { sourceTable: 'PATIENT', sourceKey: String(i) },
        });
      }
      await target.writeChunk('bench-b', chunk);
    }
  });
  const result = await time('rollback job B (restore all)', () => rollbackJob(db, 'bench-b'));
  const restored = result.removed.reduce((n, r) => n + r.restored, 0);
  console.log(`restored ${restored.toLocaleString('en-GB')} rows; peak RSS ${Math.round(peak / 2 ** 20)} MB`);
} finally {
  clearInterval(sample);
  if (values.target) {
    await rollbackJob(db, 'bench-a').catch(() => {});
  }
  await db.close();
  await scratch?.drop();
}
