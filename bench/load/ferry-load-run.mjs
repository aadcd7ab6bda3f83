#!/usr/bin/env node
// One Ferry load of the bench extract, in its own process (so that its peak RSS is its own), for bench/load-bench.mjs.
// Prints one JSON line: wall ms, CPU seconds of the process (all its threads), peak RSS, and the table's ledger.
//
//   node bench/load/ferry-load-run.mjs --core packages/core/dist/index.js --file F --url URL --workers N --batch-size B
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { contract, crosswalks, targetCatalog } from './bench-contract.mjs';

const { values } = parseArgs({
  options: {
    core: { type: 'string' },
    file: { type: 'string' },
    url: { type: 'string' },
    workers: { type: 'string', default: '1' },
    'batch-size': { type: 'string', default: '10000' },
    dir: { type: 'string' },
  },
});
const core = await import(pathToFileURL(values.core).href);
const workers = Number(values.workers);

let peak = process.memoryUsage.rss();
/** What the main thread's memory was made of when RSS peaked (worker threads' heaps are in RSS only). */
let atPeak = process.memoryUsage();
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) {
    peak = rss;
    atPeak = process.memoryUsage();
  }
}, 20);
const db = await core.PostgresDatabase.open(values.url);
await db.exec(
  'DROP TABLE IF EXISTS "LOAD_PATIENT"; DROP TABLE IF EXISTS ferry_jobs, ferry_job_chunks, ferry_rejects, ferry_job_events, ferry_row_images',
);
const rejects = await core.RejectsFile.open(join(values.dir, `rejects-${process.pid}.csv`));
const cpu0 = process.cpuUsage();
const t = performance.now();
const report = await core.runMigration({
  jobId: 'bench',
  contract: core.mappingContractSchema.parse(contract),
  source: await core.CsvSourceConnector.open(values.file),
  targetCatalog,
  crosswalks: new core.CrosswalkIndex(core.crosswalkSetSchema.parse(crosswalks)),
  releaseProfile: 'cutover_ready',
  target: new core.DatabaseLoadTarget(db),
  rejects,
  batchSize: Number(values['batch-size']),
  // A core from before --workers ignores the option.
  workers,
});
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
await rejects.close();
await db.close();
const table = report.tables[0];
process.stdout.write(
  `${JSON.stringify({ ms, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRss: peak, atPeak, table: { read: table.read, loaded: table.loaded, rejected: table.rejected, balanced: table.balanced } })}\n`,
);
