import { loadServerConfig, startRunWorker } from '@ferry/server';
import type { Command } from 'commander';
import { action, intOption } from '../run-command.js';
import { untilStopped } from '../until-stopped.js';

interface WorkerFlags {
  concurrency?: number;
}

/**
 * `ferry runs worker`: executes the control plane's queued lifecycle runs (graphile-worker on the PostgreSQL of
 * DATABASE_URL) until SIGINT/SIGTERM. Run as many as needed beside `ferry serve` (or `ferry serve --no-runner`).
 */
export function registerRunsWorker(runs: Command): void {
  runs
    .command('worker')
    .description(
      "Execute the control plane's queued lifecycle runs (DATABASE_URL on PostgreSQL; same FERRY_DATA_DIR as ferry serve)",
    )
    .option(
      '--concurrency <n>',
      'runs at once in this process (default FERRY_JOB_CONCURRENCY or 1)',
      intOption('--concurrency'),
    )
    .action(
      action(async (flags: WorkerFlags) => {
        const config = loadServerConfig({
          ...process.env,
          ...(flags.concurrency !== undefined ? { FERRY_JOB_CONCURRENCY: String(flags.concurrency) } : {}),
        });
        const worker = await startRunWorker(config);
        process.stdout.write(
          `Ferry run worker started (${worker.concurrency} at a time, queue schema ${worker.queueSchema})\n`,
        );
        const signal = await untilStopped();
        await worker.close();
        process.stdout.write(`Stopped on ${signal}\n`);
        return 0;
      }),
    );
}
