import { createHash } from 'node:crypto';
import pg from 'pg';
import { catalogTypeOfPostgres, redactConnectionString } from '../../catalog/postgres-catalog-introspector.js';
import { FerryError } from '../../errors.js';
import { quoteIdent } from '../../store/sql-database.js';
import type {
  SourceColumn,
  SourceConnector,
  SourceInputHash,
  SourceReadOptions,
  SourceRecord,
  SourceTableDescription,
} from '../source-connector.js';

/** Rows fetched per round trip from a table's cursor. */
export const postgresFetchRows = 5000;

const columnsSql = `
select c.relname as table_name, a.attname as column_name, not a.attnotnull as nullable,
       coalesce(bt.typname, t.typname) as type_name, coalesce(bt.typtype, t.typtype)::text as type_type,
       coalesce(bt.typcategory, t.typcategory)::text as type_category, format_type(a.atttypid, a.atttypmod) as source_type
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_type t on t.oid = a.atttypid
left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
order by c.relname, a.attnum`;

const keysSql = `
select c.relname as table_name, a.attname as column_name
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
where n.nspname = $1 and con.contype = 'p'
order by c.relname, k.ord`;

/** A PostgreSQL URL and the schema of the source tables in it (a `schema` query parameter, default `public`). */
export function parsePostgresSourceUrl(url: string): { connectionString: string; schema: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      'not a PostgreSQL URL (postgres://USER@HOST:PORT/DB?schema=S)',
      {},
      { cause: e },
    );
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new FerryError('FERRY_ERR_USAGE', 'not a PostgreSQL URL (postgres://USER@HOST:PORT/DB?schema=S)');
  }
  const schema = u.searchParams.get('schema') || 'public';
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema };
}

/**
 * A PostgreSQL schema as a run source. One connection holds one REPEATABLE READ, READ ONLY transaction from `open`
 * to `close`: every read of the run (headers, rows, the fingerprint) sees the same snapshot, however long the run and
 * whatever the legacy system writes meanwhile. Rows stream through a cursor (`postgresFetchRows` at a time) in the
 * primary key's order, or every column's when a table has none; values are PostgreSQL's text form, NULL the empty
 * string. A record's position is its ordinal in that order (1-based). The fingerprint hashes each table's rows as
 * read, in the snapshot.
 *
 * @example
 * const source = await PostgresSourceConnector.open('postgres://ferry@pas-db/pas?schema=legacy');
 * try { for await (const r of source.rows('patient')) ... } finally { await source.close(); }
 */
export class PostgresSourceConnector implements SourceConnector {
  readonly kind = 'postgres';
  private cursors = 0;
  private closed = false;
  private hashes?: Promise<SourceInputHash[]>;
  /** One read at a time on the connection: a cursor's fetches and other queries do not interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly location: string,
    private readonly client: pg.Client,
    readonly schema: string,
    private readonly descriptions: ReadonlyMap<string, SourceTableDescription>,
  ) {}

  /** Connects, starts the snapshot and reads the schema's tables, columns and keys. */
  static async open(url: string, options: { timeoutMs?: number } = {}): Promise<PostgresSourceConnector> {
    const { connectionString, schema } = parsePostgresSourceUrl(url);
    const location = `${redactConnectionString(connectionString)}${connectionString.includes('?') ? '&' : '?'}schema=${schema}`;
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 10_000,
      statement_timeout: options.timeoutMs ?? 300_000,
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
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const cols = await client.query<{
        table_name: string;
        column_name: string;
        nullable: boolean;
        type_name: string;
        type_type: string;
        type_category: string;
        source_type: string;
      }>(columnsSql, [schema]);
      const keys = await client.query<{ table_name: string; column_name: string }>(keysSql, [schema]);
      const descriptions = new Map<string, SourceTableDescription>();
      for (const c of cols.rows) {
        let d = descriptions.get(c.table_name);
        if (!d) {
          d = { table: c.table_name, columns: [], primaryKey: [] };
          descriptions.set(c.table_name, d);
        }
        const column: SourceColumn = {
          name: c.column_name,
          type: catalogTypeOfPostgres(c.type_name, c.type_type, c.type_category),
          sourceType: c.source_type,
          nullable: c.nullable,
        };
        d.columns.push(column);
      }
      for (const k of keys.rows) descriptions.get(k.table_name)?.primaryKey.push(k.column_name);
      if (descriptions.size === 0) {
        throw new FerryError('FERRY_ERR_NOT_FOUND', `schema '${schema}' has no tables`, { table: schema });
      }
      const sorted = new Map([...descriptions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return new PostgresSourceConnector(location, client, schema, sorted);
    } catch (e) {
      await client.end().catch(() => {});
      throw e;
    }
  }

  tables(): string[] {
    return [...this.descriptions.keys()];
  }

  async describe(table: string): Promise<SourceTableDescription> {
    const d = this.descriptions.get(table);
    if (!d) {
      throw new FerryError('FERRY_ERR_NOT_FOUND', `no table '${table}' in schema '${this.schema}'`, { table });
    }
    return structuredClone(d);
  }

  async header(table: string): Promise<string[]> {
    return (await this.describe(table)).columns.map((c) => c.name);
  }

  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => {});
    return next;
  }

  async *rows(table: string, options: SourceReadOptions = {}): AsyncGenerator<SourceRecord> {
    for await (const batch of this.rowBatches(table)) {
      for (const r of batch) if (options.after === undefined || r.line > options.after) yield r;
    }
  }

  /** The table's rows in the snapshot, in key order, a cursor fetch at a time. */
  async *rowBatches(table: string): AsyncGenerator<SourceRecord[]> {
    if (this.closed) throw new FerryError('FERRY_ERR_INPUT', 'the PostgreSQL source is closed', { table });
    const d = await this.describe(table);
    const order = (d.primaryKey.length ? d.primaryKey : d.columns.map((c) => c.name)).map(quoteIdent).join(', ');
    const cursor = `ferry_source_${++this.cursors}`;
    await this.run(() =>
      this.client.query(
        `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${d.columns.map((c) => quoteIdent(c.name)).join(', ')} ` +
          `FROM ${quoteIdent(this.schema)}.${quoteIdent(table)} ORDER BY ${order}`,
      ),
    );
    let line = 0;
    try {
      for (;;) {
        const result = await this.run(() =>
          this.client.query({ text: `FETCH ${postgresFetchRows} FROM ${cursor}`, rowMode: 'array' }),
        );
        const rows = result.rows as (string | null)[][];
        if (rows.length === 0) break;
        yield rows.map((r) => ({ line: ++line, fields: r.map((v) => v ?? '') }));
        if (rows.length < postgresFetchRows) break;
      }
    } finally {
      if (!this.closed) await this.run(() => this.client.query(`CLOSE ${cursor}`)).catch(() => {});
    }
  }

  /** Per table: sha256 over its rows as read (each row's fields, tab-separated, NULL as empty), kept for the run. */
  inputHashes(): Promise<SourceInputHash[]> {
    this.hashes ??= (async () => {
      const out: SourceInputHash[] = [];
      for (const table of this.tables()) {
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const batch of this.rowBatches(table)) {
          for (const r of batch) {
            const text = `${r.fields.map((f) => f.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n')).join('\t')}\n`;
            hash.update(text);
            bytes += Buffer.byteLength(text);
          }
        }
        out.push({ table, file: `${this.schema}.${table}`, sha256: hash.digest('hex'), bytes });
      }
      return out;
    })();
    return this.hashes;
  }

  /** Ends the snapshot (ROLLBACK: nothing was written) and the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.client.query('ROLLBACK').catch(() => {});
    await this.client.end().catch(() => {});
  }
}
