import type { Pack, SqlDatabase } from '@ferry/core';
import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from '../config/server-config.js';
import { SecretBox } from '../identity/secret-box.js';
import { GraphileQueue } from './graphile/graphile-queue.js';
import { GraphileRunRunner } from './graphile/graphile-run-runner.js';
import { InProcessRunRunner } from './in-process-run-runner.js';
import { RunEventFeed } from './run-event-feed.js';
import { RunEventListener } from './run-event-listener.js';
import { RunEventSignal } from './run-event-signal.js';
import { RunEventWriter } from './run-event-writer.js';
import type { FinishedStatus, RunExecutionContext } from './run-execution.js';
import type { RunRunner } from './run-job.js';

/** How often a follower of a run's progress reads its log when nothing woke it. */
const followPollMs = 1000;

/** The runner of a process, the feed its routes follow runs with, and how to stop both. */
export interface RunServices {
  runner: RunRunner;
  feed: RunEventFeed;
  close(): Promise<void>;
}

/**
 * Picks where runs execute: on PGlite (one process) the in-process runner; on PostgreSQL graphile-worker, with this
 * process executing runs when `work` (the server unless `--no-runner`; always `ferry runs worker`) and a LISTEN
 * connection so its followers see events written by any process.
 */
export async function openRunServices(options: {
  config: ServerConfig;
  db: SqlDatabase;
  packs: ReadonlyMap<string, Pack>;
  now(): Date;
  work: boolean;
  /** Whether this process streams runs' progress to followers (a server: yes; a runner process: no). */
  follow?: boolean;
  log?: FastifyBaseLogger;
  onFinished?(status: FinishedStatus, outcome: string | null): void;
}): Promise<RunServices> {
  const { config, db, log } = options;
  const signal = new RunEventSignal();
  const ctx: RunExecutionContext = {
    db,
    dataDir: config.dataDir,
    packs: options.packs,
    now: options.now,
    events: new RunEventWriter(db, signal, log),
    signal,
    heartbeatMs: config.jobs.heartbeatMs,
    secrets: new SecretBox(config.secretKey),
    targets: config,
    sources: config,
    log,
    onFinished: options.onFinished,
  };
  const feed = new RunEventFeed(signal, followPollMs);
  if (db.kind !== 'postgres') {
    const runner = new InProcessRunRunner(ctx, config.jobs.concurrency);
    return { runner, feed, close: () => runner.close() };
  }
  const listener = options.follow === false ? undefined : await RunEventListener.start(config.databaseUrl, signal, log);
  try {
    const queue = await GraphileQueue.open({
      connectionString: config.jobs.queueUrl ?? config.databaseUrl,
      schema: config.jobs.queueSchema,
      // Queueing, cancelling and recovery (the workers have core's queue runner and its own pool).
      poolSize: 2,
      log,
    });
    const runner = await new GraphileRunRunner(ctx, queue, {
      work: options.work,
      concurrency: config.jobs.concurrency,
      staleAfterMs: config.jobs.staleAfterMs,
    }).start();
    return {
      runner,
      feed,
      close: async () => {
        await runner.close();
        await listener?.close();
      },
    };
  } catch (e) {
    await listener?.close();
    throw e;
  }
}
