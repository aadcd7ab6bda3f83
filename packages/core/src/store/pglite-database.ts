import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type FileLock, lockDatabaseUrl } from './file-lock.js';
import { cachedFreshCluster, rememberFreshCluster } from './pglite-initdb-cache.js';
import { copyFromStatement, type SqlDatabase, type SqlExecutor } from './sql-database.js';

type PgliteRunner = Pick<PGlite, 'query' | 'exec'> | Transaction;

function executor(runner: PgliteRunner): SqlExecutor {
  return {
    async query<R>(sql: string, params?: unknown[]) {
      const res = await runner.query<R>(sql, params as never[]);
      return res.rows;
    },
    async exec(sql: string) {
      await runner.exec(sql);
    },
    async copyFromCsv(table, columns, csv) {
      if (csv.length === 0) return;
      await runner.query(copyFromStatement(table, columns, `'/dev/blob'`), [], {
        blob: new Blob([csv as string | Uint8Array<ArrayBuffer>]),
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
  ) {
    this.run = executor(pg);
  }

  /**
   * Opens (creating) the database in `dataDir`. One process at a time writes a file-backed database: the lock file
   * beside it (`DIR.lock`) is taken first, waited for or refused when another live process holds it.
   */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const url = dataDir ? `pglite:${dataDir}` : 'pglite:memory';
    const lock = await lockDatabaseUrl(url);
    try {
      if (dataDir) await mkdir(dataDir, { recursive: true });
      const fresh =
        !dataDir ||
        !(await stat(join(dataDir, 'PG_VERSION')).then(
          () => true,
          () => false,
        ));
      const cached = fresh ? await cachedFreshCluster() : undefined;
      const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(cached ? { loadDataDir: cached } : {}) });
      if (fresh && !cached) await rememberFreshCluster(pg).catch(() => {});
      return new PgliteDatabase(pg, url, lock);
    } catch (e) {
      await lock?.release();
      throw e;
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
    return this.pg.transaction(async (tx) => {
      if (options.setup) await tx.exec(options.setup);
      return fn(executor(tx));
    });
  }
  async close(): Promise<void> {
    try {
      await this.pg.close();
    } finally {
      await this.lock?.release();
    }
  }
}
