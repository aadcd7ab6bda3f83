import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type FileLock, lockDatabaseUrl } from './file-lock.js';
import { PgliteDiskGuard } from './pglite-disk-guard.js';
import { cachedFreshCluster, rememberFreshCluster } from './pglite-initdb-cache.js';
import { copyFromStatement, type SqlDatabase, type SqlExecutor } from './sql-database.js';

type PgliteRunner = Pick<PGlite, 'query' | 'exec'> | Transaction;

/** Runs `fn`; once the disk under the database filled, any failure is that one (PGlite's own is a symptom). */
async function guarded<T>(guard: PgliteDiskGuard | undefined, fn: () => Promise<T>): Promise<T> {
  if (guard?.failure) throw guard.failure;
  try {
    return await fn();
  } catch (e) {
    throw guard?.failure ?? e;
  }
}

function executor(runner: PgliteRunner, guard: PgliteDiskGuard | undefined): SqlExecutor {
  return {
    query<R>(sql: string, params?: unknown[]) {
      return guarded(guard, async () => (await runner.query<R>(sql, params as never[])).rows);
    },
    exec(sql: string) {
      return guarded(guard, async () => {
        await runner.exec(sql);
      });
    },
    copyFromCsv(table, columns, csv) {
      return guarded(guard, async () => {
        if (csv.length === 0) return;
        await runner.query(copyFromStatement(table, columns, `'/dev/blob'`), [], {
          blob: new Blob([csv as string | Uint8Array<ArrayBuffer>]),
        });
      });
    },
  };
}

/**
 * The embedded PostgreSQL (PGlite, WASM), file-backed under `dataDir`, or in memory when `dataDir` is undefined.
 *
 * @example
 * const db = await PgliteDatabase.open('.ferry/target');
 */
export class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;
  private readonly run: SqlExecutor;

  private constructor(
    private readonly pg: PGlite,
    readonly displayUrl: string,
    private readonly lock: FileLock | undefined,
    private readonly guard: PgliteDiskGuard | undefined,
  ) {
    this.run = executor(pg, guard);
  }

  /**
   * Opens (creating) the database in `dataDir`. One process at a time writes a file-backed database: the lock file
   * beside it (`DIR.lock`) is taken first, waited for or refused when another live process holds it.
   */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const url = dataDir ? `pglite:${dataDir}` : 'pglite:memory';
    const lock = await lockDatabaseUrl(url);
    const guard = dataDir ? new PgliteDiskGuard(dataDir) : undefined;
    try {
      if (dataDir) await mkdir(dataDir, { recursive: true });
      const fresh =
        !dataDir ||
        !(await stat(join(dataDir, 'PG_VERSION')).then(
          () => true,
          () => false,
        ));
      const cached = fresh ? await cachedFreshCluster() : undefined;
      const pg = await PGlite.create({
        ...(dataDir ? { dataDir } : {}),
        ...(guard ? guard.options() : {}),
        ...(cached ? { loadDataDir: cached } : {}),
      });
      guard?.protect(pg);
      if (fresh && !cached) await rememberFreshCluster(pg).catch(() => {});
      return new PgliteDatabase(pg, url, lock, guard);
    } catch (e) {
      await lock?.release();
      throw guard?.failure ?? e;
    }
  }

  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]> {
    return this.run.query<R>(sql, params);
  }
  exec(sql: string): Promise<void> {
    return this.run.exec(sql);
  }
  copyFromCsv(table: string, columns: readonly string[], csv: string | Uint8Array): Promise<void> {
    return this.run.copyFromCsv(table, columns, csv);
  }
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: { setup?: string } = {}): Promise<T> {
    return guarded(this.guard, () =>
      this.pg.transaction(async (tx) => {
        if (options.setup) await tx.exec(options.setup);
        return fn(executor(tx, this.guard));
      }),
    );
  }
  async close(): Promise<void> {
    try {
      // After a full disk PostgreSQL is not entered again (no checkpoint): its WAL recovers the next open.
      if (!this.guard?.failure) await this.pg.close();
    } finally {
      await this.lock?.release();
    }
  }
}
