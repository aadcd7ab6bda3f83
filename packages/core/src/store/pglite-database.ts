import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
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
  ) {
    this.run = executor(pg);
  }

  static async open(dataDir?: string): Promise<PgliteDatabase> {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const pg = await PGlite.create(dataDir ? { dataDir } : {});
    return new PgliteDatabase(pg, dataDir ? `pglite:${dataDir}` : 'pglite:memory');
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
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(executor(tx)));
  }
  async close(): Promise<void> {
    await this.pg.close();
  }
}
