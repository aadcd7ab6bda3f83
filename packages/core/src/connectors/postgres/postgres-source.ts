import pg from 'pg';
import { redactConnectionString } from '../../catalog/postgres-catalog-introspector.js';
import { FerryError } from '../../errors.js';

/** Where a PostgreSQL source is: a server, a database, an account and the schema its tables are in. */
export interface PostgresSourceSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  /** The schema holding the source tables (default `public`). */
  schema?: string;
}

/**
 * The connection URL of a PostgreSQL source (user and password escaped), for `introspectPostgresCatalog` and the
 * readers here. Never log it: use `redactConnectionString`.
 *
 * @example
 * postgresSourceUrl({ host: 'pas-db', port: 5432, database: 'pas', user: 'ferry', password: 'p@ss' })
 * // 'postgres://ferry:p%40ss@pas-db:5432/pas'
 */
export function postgresSourceUrl(s: PostgresSourceSettings): string {
  const url = new URL('postgres://placeholder');
  url.hostname = s.host;
  url.port = String(s.port);
  url.pathname = `/${encodeURIComponent(s.database)}`;
  url.username = encodeURIComponent(s.user);
  if (s.password) url.password = encodeURIComponent(s.password);
  return url.toString();
}

/**
 * Runs `fn` on a client connected to the source, inside a READ ONLY transaction with a statement timeout: a source is
 * only ever read. Values come back as PostgreSQL's text form (no type parsing), nulls as null.
 * Connection failures are FERRY_ERR_SOURCE_UNREACHABLE with the password redacted.
 */
export async function withPostgresSource<T>(
  connectionString: string,
  fn: (client: pg.Client) => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: 10_000,
    statement_timeout: timeoutMs,
    types: { getTypeParser: () => (value: string) => value },
  });
  try {
    await client.connect();
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_SOURCE_UNREACHABLE',
      `cannot connect to PostgreSQL at ${redactConnectionString(connectionString)}: ${(e as Error).message}`,
      {},
      { cause: e },
    );
  }
  try {
    await client.query('BEGIN READ ONLY');
    const result = await fn(client);
    await client.query('ROLLBACK');
    return result;
  } finally {
    await client.end().catch(() => {});
  }
}
