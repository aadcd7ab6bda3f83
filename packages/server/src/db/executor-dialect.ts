import type { SqlExecutor } from '@ferry/core';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

class ExecutorConnection implements DatabaseConnection {
  constructor(private readonly run: SqlExecutor) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: await this.run.query<R>(query.sql, [...query.parameters]) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; the generator only reports that.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the platform database executor');
  }
}

/** A driver with one connection: the executor it was made for. Transactions belong to `SqlDatabase.transaction`. */
class ExecutorDriver implements Driver {
  private readonly connection: ExecutorConnection;

  constructor(run: SqlExecutor) {
    this.connection = new ExecutorConnection(run);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('Open transactions with SqlDatabase.transaction (tenantTransaction), not through Kysely');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * A Kysely query builder that runs its queries on a core `SqlExecutor` (a PGlite or PostgreSQL database, or an open
 * transaction on either): typed queries on both dialects, with Ferry keeping control of transactions and RLS settings.
 *
 * @example
 * const rows = await kyselyOn<PlatformSchema>(tx).selectFrom('projects').selectAll().execute();
 */
export function kyselyOn<DB>(run: SqlExecutor): Kysely<DB> {
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new ExecutorDriver(run),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  return new Kysely<DB>({ dialect });
}
