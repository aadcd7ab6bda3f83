/** What runs SQL: a database or an open transaction on it. One SQL dialect: PostgreSQL. */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Loads CSV text, or its UTF-8 bytes (RFC 4180, no header, empty unquoted field = NULL), into a table with COPY.
   * An empty input copies nothing.
   */
  copyFromCsv(table: string, columns: readonly string[], csv: string | Uint8Array): Promise<void>;
}

/**
 * A PostgreSQL database: a server (`postgres://`) or the embedded PGlite (`pglite:PATH`).
 * Everything above this interface is dialect-free.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** The URL it was opened with, without credentials. */
  readonly displayUrl: string;
  /**
   * Runs `fn` in a transaction. `setup`: statements without parameters run first inside it, sent with the BEGIN in
   * one round trip where the dialect allows (e.g. `SET LOCAL ROLE ...`).
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: { setup?: string }): Promise<T>;
  close(): Promise<void>;
  /**
   * A database server only: takes the session advisory lock of (`space`, `key` in the current schema) on a connection
   * of its own, without waiting, and holds it until released (or until this process ends: the server frees it).
   */
  holdAdvisoryLock?(space: string, key: string): Promise<AdvisoryLockAttempt>;
}

/** Who holds an advisory lock: the server's backend process and the holder's application name. */
export interface AdvisoryLockHolder {
  backendPid: number;
  applicationName: string;
}

/** An advisory lock taken (release it), or refused (with its holder, when the server shows it). */
export type AdvisoryLockAttempt =
  | { held: true; release(): Promise<void> }
  | { held: false; holder: AdvisoryLockHolder | undefined };

/** Quotes an SQL identifier: `quoteIdent('LOAD_PMI')` => `"LOAD_PMI"`. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The COPY statement both dialects run: CSV format, empty unquoted field is NULL. */
export function copyFromStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}
