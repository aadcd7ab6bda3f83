import { FerryError } from '../errors.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase, redactUrl } from './postgres-database.js';
import type { SqlDatabase } from './sql-database.js';

/**
 * Opens a database by URL: `pglite:PATH` (file-backed embedded PostgreSQL), `pglite:memory`,
 * or `postgres://...` / `postgresql://...` (a server).
 */
export async function openDatabase(url: string): Promise<SqlDatabase> {
  if (url.startsWith('pglite:')) {
    const path = url.slice('pglite:'.length);
    return PgliteDatabase.open(path === 'memory' || path === '' ? undefined : path);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    try {
      return await PostgresDatabase.open(url);
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_TARGET_UNREACHABLE',
        `Cannot connect to ${redactUrl(url)}: ${(e as Error).message}`,
        {},
        { cause: e },
      );
    }
  }
  throw new FerryError(
    'FERRY_ERR_TARGET_UNSUPPORTED',
    `Unsupported database URL '${url.split(':')[0]}:...'; use pglite:PATH or postgres://...`,
  );
}
