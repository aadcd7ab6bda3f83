import {
  assertQueueDatabaseUrl,
  chunkWorkerTasks,
  FerryError,
  isFerryError,
  PostgresDatabase,
  startQueueRunner,
} from '@ferry/core';
import type { Command } from 'commander';
import { cliSettings } from '../cli-settings.js';
import { action, intOption } from '../run-command.js';

interface WorkerFlags {
  database: string;
  concurrency: number;
  queueSchema: string;
  staleAfter: number;
  pollInterval: number;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'Load chunks queued by `ferry migrate --queue` (graphile-worker); run several, on one machine or many, to share a job',
    )
    .requiredOption('--database <url>', 'postgres:// URL of the target database, which holds the queue')
    .option('--concurrency <n>', 'chunks loaded at once by this process', intOption('--concurrency'), 1)
    .option('--queue-schema <name>', 'schema of the graphile-worker queue', 'graphile_worker')
    .option(
      '--stale-after <seconds>',
      'a worker silent this long is taken for dead and its chunks run again elsewhere',
      intOption('--stale-after'),
      60,
    )
    .option(
      '--poll-interval <ms>',
      'how often an idle worker looks for retries and released chunks',
      intOption('--poll-interval'),
      1000,
    )
    .action(
      action(async (flags: WorkerFlags) => {
        assertQueueDatabaseUrl(flags.database);
        if (flags.concurrency < 1) throw new FerryError('FERRY_ERR_USAGE', '--concurrency must be at least 1');
        if (flags.staleAfter < 1) throw new FerryError('FERRY_ERR_USAGE', '--stale-after must be at least 1 second');
        const db = await PostgresDatabase.open(flags.database, { max: flags.concurrency + 1 }).catch((e) => {
          throw new FerryError('FERRY_ERR_TARGET_UNREACHABLE', 'The database could not be reached', {}, { cause: e });
        });
        const say = (line: string) => {
          if (!cliSettings.quiet) process.stderr.write(`${line}\n`);
        };
        const runner = await startQueueRunner({
          connectionString: flags.database,
          schema: flags.queueSchema,
          concurrency: flags.concurrency,
          staleAfterMs: flags.staleAfter * 1000,
          pollIntervalMs: flags.pollInterval,
          tasks: chunkWorkerTasks(db, {
            onChunk: (e) =>
              say(
                `job ${e.jobId} table ${e.table} chunk ${e.chunk}: ${e.outcome.replace('_', ' ')} (${Math.round(e.ms)} ms)`,
              ),
            onError: (e) => {
              if (process.env.FERRY_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
            },
          }),
          onJob: (e) => {
            if (!e.ok) process.stderr.write(`chunk failed, will be retried: ${e.error}\n`);
          },
          onLog: (l) => {
            if (l.level === 'error' || process.env.FERRY_DEBUG) {
              process.stderr.write(`queue ${l.level}: ${l.message.split('\n')[0]}\n`);
            }
          },
        }).catch(async (e) => {
          await db.close();
          throw isFerryError(e)
            ? e
            : new FerryError('FERRY_ERR_TARGET_UNREACHABLE', 'The queue could not be started', {}, { cause: e });
        });
        say(
          `ferry worker on ${db.displayUrl} (queue ${flags.queueSchema}, concurrency ${flags.concurrency}); Ctrl-C stops it`,
        );
        const stop = () => {
          say('stopping: finishing the chunks in hand');
          void runner.stop();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          await runner.done;
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          await db.close();
        }
        return 0;
      }),
    );
}
