import { RunStore } from '@ferry/core';
import type { Command } from 'commander';
import { action } from '../run-command.js';
import { registerRunsWorker } from './runs-worker.js';

interface RunsFlags {
  out: string;
  json?: boolean;
}

export function registerRuns(program: Command): void {
  const runs = program
    .command('runs')
    .description("List, show and restore lifecycle runs kept under --out DIR/runs; execute the control plane's runs");
  runs
    .command('list')
    .description('List the runs, oldest first')
    .requiredOption('--out <dir>', 'the lifecycle --out folder')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: RunsFlags) => {
        const store = new RunStore(flags.out);
        const list = await store.list();
        // A run whose process is gone (killed with SIGKILL, a crash) shows INTERRUPTED, not RUNNING.
        const statuses = await Promise.all(list.map((r) => store.status(r)));
        // ... naming the stage it was in when its process ended.
        const interruptions = await Promise.all(list.map((r) => store.interruption(r)));
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify(
              list.map((r, i) => {
                const stoppedIn = r.cancelled ? (r.cancelled.stage ?? null) : interruptions[i]?.stage;
                return {
                  run_id: r.runId,
                  started_at: r.startedAt,
                  outcome: statuses[i],
                  profile: r.arguments.releaseProfile,
                  job_id: r.jobId,
                  ...(stoppedIn !== undefined ? { stopped_in: stoppedIn } : {}),
                };
              }),
            )}\n`,
          );
          return 0;
        }
        if (!list.length) process.stdout.write(`No runs under ${flags.out}/runs\n`);
        for (const [i, r] of list.entries()) {
          const interrupted = interruptions[i];
          const stopped = r.cancelled
            ? `  (${r.cancelled.signal}${r.cancelled.stage ? ` in ${r.cancelled.stage}` : ''})`
            : interrupted
              ? `  (process ended${interrupted.stage ? ` in ${interrupted.stage}` : ''})`
              : '';
          process.stdout.write(
            `${r.runId}  ${r.startedAt}  ${statuses[i]!.padEnd(11)} ${r.arguments.releaseProfile.padEnd(15)} ${r.jobId ?? ''}${stopped}\n`,
          );
        }
        return 0;
      }),
    );
  runs
    .command('show <id>')
    .description(
      'Show a run: arguments, stages with timings, outcome (INTERRUPTED, with the stage, when its process ended without finishing it)',
    )
    .requiredOption('--out <dir>', 'the lifecycle --out folder')
    .action(
      action(async (id: string, flags: RunsFlags) => {
        const store = new RunStore(flags.out);
        const record = await store.load(id);
        const interrupted = await store.interruption(record);
        const shown = interrupted ? { ...record, outcome: 'INTERRUPTED', interrupted } : record;
        process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
        return 0;
      }),
    );
  runs
    .command('restore <id>')
    .description(
      "Restore a run's snapshot: it becomes the current run (lifecycle --from reuses its artefacts) and its evidence the current evidence (--out DIR/evidence)",
    )
    .requiredOption('--out <dir>', 'the lifecycle --out folder')
    .action(
      action(async (id: string, flags: RunsFlags) => {
        const store = new RunStore(flags.out);
        const record = await store.restore(id);
        process.stdout.write(
          `Restored ${record.runId} (${record.outcome}): the current run; its evidence in ${store.evidenceDir}\n`,
        );
        return 0;
      }),
    );
  registerRunsWorker(runs);
}
