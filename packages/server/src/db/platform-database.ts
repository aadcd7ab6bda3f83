import { FerryError, openDatabase, PostgresDatabase, redactUrl, type SqlDatabase } from '@ferry/core';

/**
 * Opens the platform database: a PostgreSQL server (a pool of `poolSize` connections) or the embedded PGlite.
 *
 * @example
 * const db = await openPlatformDatabase('pglite:.ferry/platform');
 */
export async function openPlatformDatabase(url: string, options: { poolSize?: number } = {}): Promise<SqlDatabase> {
  if (!url.startsWith('postgres://') && !url.startsWith('postgresql://')) return openDatabase(url);
  try {
    return await PostgresDatabase.open(url, { max: options.poolSize ?? 10 });
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_TARGET_UNREACHABLE',
      `Cannot connect to the platform database ${redactUrl(url)}: ${(e as Error).message}`,
      {},
      { cause: e },
    );
  }
}
