import { FerryError, type Pack } from '@ferry/core';
import { pino } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { PlatformMigrator } from '../db/migrations/platform-migrator.js';
import { openPlatformDatabase } from '../db/platform-database.js';
import { defaultPacks } from '../packs/pack-registry.js';
import { openRunServices } from './run-runner-factory.js';

/** A runner process executing lifecycle runs from the graphile-worker queue, and how to stop it. */
export interface RunningRunWorker {
  concurrency: number;
  queueSchema: string;
  /** Stops taking runs; running ones get a few seconds, then stop at their next progress event (failed). */
  close(): Promise<void>;
}

/**
 * Starts a run worker (`ferry runs worker`): on the PostgreSQL platform database of `DATABASE_URL`, it executes
 * queued lifecycle runs with graphile-worker (FERRY_JOB_CONCURRENCY at a time), each in its run's organisation
 * scope, writing the run folders under FERRY_DATA_DIR (which must be the servers' FERRY_DATA_DIR: they serve the
 * artefacts). It also recovers runs whose runner died. The schema must be migrated (`ferry db migrate`).
 *
 * @example
 * const worker = await startRunWorker(loadServerConfig(process.env));
 */
export async function startRunWorker(
  config: ServerConfig,
  options: { packs?: ReadonlyMap<string, Pack> } = {},
): Promise<RunningRunWorker> {
  if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new FerryError(
      'FERRY_ERR_CONFIG',
      'ferry runs worker needs DATABASE_URL on PostgreSQL: on the embedded database (PGlite) runs execute inside ferry serve',
    );
  }
  const db = await openPlatformDatabase(config.databaseUrl);
  try {
    const behind = (await (await PlatformMigrator.create(db)).status()).filter((s) => s.state !== 'applied');
    if (behind.length) {
      throw new FerryError(
        'FERRY_ERR_CONFIG',
        `The platform schema is behind (${behind.map((s) => `${s.name} ${s.state}`).join(', ')}): run ferry db migrate`,
      );
    }
    const log = pino({ level: config.logLevel, base: { process: 'run-worker' } });
    const services = await openRunServices({
      config,
      db,
      packs: options.packs ?? defaultPacks(),
      now: () => new Date(),
      work: true,
      follow: false,
      log,
    });
    await services.runner.recover();
    return {
      concurrency: config.jobs.concurrency,
      queueSchema: config.jobs.queueSchema,
      close: async () => {
        await services.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
