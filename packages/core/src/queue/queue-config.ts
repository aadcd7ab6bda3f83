import { z } from 'zod';
import { FerryError } from '../errors.js';

/** Where a graphile-worker queue lives: a PostgreSQL database and the schema of its tables. */
export interface QueueConfig {
  /** `postgres://...` of the database holding the queue. */
  connectionString: string;
  /** Schema of graphile-worker's tables and functions (default `graphile_worker`). */
  schema?: string;
}

/** graphile-worker's own default schema. */
export const defaultQueueSchema = 'graphile_worker';

const schemaName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

/**
 * The queue's schema name, checked (it is written into SQL as an identifier).
 *
 * @example
 * queueSchema({ connectionString: url }) // 'graphile_worker'
 */
export function queueSchema(config: QueueConfig): string {
  const name = config.schema ?? defaultQueueSchema;
  if (!schemaName.safeParse(name).success) {
    throw new FerryError('FERRY_ERR_USAGE', `Invalid queue schema name '${name}' (lower-case letters, digits, _)`);
  }
  return name;
}

/** Checks that a URL can hold a queue: graphile-worker runs on a PostgreSQL server only (not PGlite, not CSV). */
export function assertQueueDatabaseUrl(url: string, flag = '--database'): void {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `${flag} must be a postgres:// URL: the chunk queue (graphile-worker) needs a PostgreSQL server`,
    );
  }
}
