import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connectionLossError } from './connection-loss.js';
import {
  type AdvisoryLockAttempt,
  type AdvisoryLockHolder,
  copyFromStatement,
  type SqlDatabase,
  type SqlExecutor,
} from './sql-database.js';

type Queryable = pg.Pool | pg.PoolClient;

function executor(runner: Queryable, displayUrl: string, client?: pg.PoolClient): SqlExecutor {
  const lost = (e: unknown) => {
    throw connectionLossError(e, displayUrl);
  };
  return {
    async query<R>(sql: string, params?: unknown[]) {
      const res = await runner.query(sql, params as unknown[]).catch(lost);
      return res.rows as R[];
    },
    async exec(sql: string) {
      await runner.query(sql).catch(lost);
    },
    async copyFromCsv(table, columns, csv) {
      return copyCsv(table, columns, csv).catch(lost);
    },
  };

  async function copyCsv(table: string, columns: readonly string[], csv: string | Uint8Array): Promise<void> {
    if (csv.length === 0) return;
    const run = async (c: pg.PoolClient) => {
      const stream = c.query(copyFrom(copyFromStatement(table, columns, 'STDIN')));
      const chunk = typeof csv === 'string' ? csv : Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength);
      await pipeline(Readable.from([chunk]), stream);
    };
    if (client) return run(client);
    const c = await (runner as pg.Pool).connect();
    try {
      await run(c);
    } finally {
      c.release();
    }
  }
}

/** Hides the password of a connection URL for display. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(invalid url)';
  }
}

/**
 * A PostgreSQL server, through a small pool. COPY runs with pg-copy-streams.
 *
 * @example
 * const db = await PostgresDatabase.open('postgres://postgres@127.0.0.1:5432/test');
 */
export class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  readonly displayUrl: string;
  private readonly run: SqlExecutor;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {
    this.displayUrl = redactUrl(url);
    this.run = executor(pool, this.displayUrl);
  }

  static async open(url: string, options: { max?: number } = {}): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4 });
    // A connection that breaks while idle, or while checked out between two queries, emits 'error': the query on it
    // fails with the cause (and is reported naming the server); unheard, the event would crash the process.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const client = await pool.connect();
    client.release();
    return new PostgresDatabase(pool, url);
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
  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: { setup?: string } = {}): Promise<T> {
    const client = await this.pool.connect().catch((e) => {
      throw connectionLossError(e, this.displayUrl);
    });
    try {
      // One round trip for BEGIN and the setup: a simple query of several statements.
      await client.query(options.setup ? `BEGIN; ${options.setup}` : 'BEGIN');
      const result = await fn(executor(client, this.displayUrl, client));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Takes the session advisory lock (hashtext(space), hashtext(current_schema || '.' || key)) on a connection of its
   * own (outside the pool), named `ferry SPACE (pid N on HOST)` so that a refused process can say who holds it.
   */
  async holdAdvisoryLock(space: string, key: string): Promise<AdvisoryLockAttempt> {
    const lockKey = `hashtext($1), hashtext(current_schema() || '.' || $2)`;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: `ferry ${space} (pid ${process.pid} on ${hostname()})`.slice(0, 63),
    });
    client.on('error', () => {});
    const lost = (e: unknown) => {
      throw connectionLossError(e, this.displayUrl);
    };
    await client.connect().catch(lost);
    try {
      const [{ locked }] = (
        await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${lockKey}) AS locked`, [space, key])
      ).rows as [{ locked: boolean }];
      if (locked) {
        return {
          held: true,
          release: async () => {
            await client.query(`SELECT pg_advisory_unlock(${lockKey})`, [space, key]).catch(() => {});
            await client.end().catch(() => {});
          },
        };
      }
      const holders = await client.query<{ pid: number; application_name: string }>(
        `SELECT a.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = hashtext($1)::oid AND l.objid = hashtext(current_schema() || '.' || $2)::oid`,
        [space, key],
      );
      await client.end().catch(() => {});
      const row = holders.rows[0];
      const holder: AdvisoryLockHolder | undefined = row
        ? { backendPid: Number(row.pid), applicationName: row.application_name }
        : undefined;
      return { held: false, holder };
    } catch (e) {
      await client.end().catch(() => {});
      return lost(e);
    }
  }
}
