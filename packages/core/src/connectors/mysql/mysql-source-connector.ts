import { createHash } from 'node:crypto';
import mysql from 'mysql2';
import type { DataType } from '../../catalog/catalog-model.js';
import { FerryError } from '../../errors.js';
import type {
  SourceConnector,
  SourceInputHash,
  SourceReadOptions,
  SourceRecord,
  SourceTableDescription,
} from '../source-connector.js';

/** Where a MySQL/MariaDB source is: a server, a database (its tables are the source's) and an account. */
export interface MysqlSourceSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
}

/** Parses `mysql://USER:PASSWORD@HOST:PORT/DATABASE` (also `mariadb://`). */
export function parseMysqlSourceUrl(url: string): MysqlSourceSettings {
  let u: URL;
  try {
    u = new URL(url);
  } catch (e) {
    throw new FerryError('FERRY_ERR_USAGE', 'not a MySQL URL (mysql://USER@HOST:PORT/DATABASE)', {}, { cause: e });
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if ((u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') || !u.hostname || !database) {
    throw new FerryError('FERRY_ERR_USAGE', 'not a MySQL URL (mysql://USER@HOST:PORT/DATABASE)');
  }
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    database,
    user: decodeURIComponent(u.username) || 'root',
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

const integerTypes = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'year']);
const decimalTypes = new Set(['decimal', 'float', 'double']);

/** The catalog type of a MySQL/MariaDB data type (`information_schema.columns.data_type`). */
export function catalogTypeOfMysql(dataType: string, columnType: string): DataType {
  const t = dataType.toLowerCase();
  if (t === 'tinyint' && columnType.toLowerCase() === 'tinyint(1)') return 'boolean';
  if (integerTypes.has(t)) return 'integer';
  if (decimalTypes.has(t)) return 'decimal';
  if (t === 'date') return 'date';
  if (t === 'datetime' || t === 'timestamp') return 'datetime';
  if (t === 'enum') return 'code';
  return 'string';
}

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

/** Every value in its text form, as the server sends it (dates as written, decimals exact); NULL stays null. */
const asText: mysql.TypeCast = (field) => field.string();

/**
 * A MySQL or MariaDB database as a run source (driver: mysql2). One connection holds one REPEATABLE READ, READ ONLY
 * transaction started `WITH CONSISTENT SNAPSHOT` from `open` to `close`: every read of the run sees the same data.
 * Rows stream from the server (never buffered whole) in the primary key's order, or every column's when a table has
 * none; values are the server's text form, NULL the empty string; a record's position is its ordinal (1-based).
 * One table streams at a time on the connection. The fingerprint hashes each table's rows as read.
 *
 * @example
 * const source = await MysqlSourceConnector.open({ host: 'pas-db', port: 3306, database: 'pas', user: 'ferry' });
 */
export class MysqlSourceConnector implements SourceConnector {
  readonly kind = 'mysql';
  private closed = false;
  private hashes?: Promise<SourceInputHash[]>;

  private constructor(
    readonly location: string,
    private readonly connection: mysql.Connection,
    private readonly descriptions: ReadonlyMap<string, SourceTableDescription>,
  ) {}

  static async open(settings: MysqlSourceSettings): Promise<MysqlSourceConnector> {
    const location = `mysql://${encodeURIComponent(settings.user)}@${settings.host}:${settings.port}/${encodeURIComponent(settings.database)}`;
    const connection = mysql.createConnection({
      host: settings.host,
      port: settings.port,
      user: settings.user,
      password: settings.password,
      database: settings.database,
      connectTimeout: 10_000,
      typeCast: asText,
      rowsAsArray: true,
    });
    const p = connection.promise();
    try {
      await p.connect();
    } catch (e) {
      connection.destroy();
      throw new FerryError(
        'FERRY_ERR_SOURCE_UNREACHABLE',
        `cannot connect to MySQL at ${location}: ${(e as Error).message}`,
        {},
        { cause: e },
      );
    }
    try {
      await p.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await p.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      const [cols] = await p.query(
        `select table_name, column_name, data_type, column_type, is_nullable, column_key
         from information_schema.columns c
         where table_schema = ? and exists (select 1 from information_schema.tables t
           where t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE')
         order by table_name, ordinal_position`,
        [settings.database],
      );
      const [keys] = await p.query(
        `select table_name, column_name from information_schema.key_column_usage
         where table_schema = ? and constraint_name = 'PRIMARY' order by table_name, ordinal_position`,
        [settings.database],
      );
      const descriptions = new Map<string, SourceTableDescription>();
      for (const [table, column, dataType, columnType, nullable] of cols as string[][]) {
        let d = descriptions.get(table!);
        if (!d) {
          d = { table: table!, columns: [], primaryKey: [] };
          descriptions.set(table!, d);
        }
        d.columns.push({
          name: column!,
          type: catalogTypeOfMysql(dataType!, columnType!),
          sourceType: columnType!,
          nullable: nullable === 'YES',
        });
      }
      for (const [table, column] of keys as string[][]) descriptions.get(table!)?.primaryKey.push(column!);
      if (descriptions.size === 0) {
        throw new FerryError('FERRY_ERR_NOT_FOUND', `database '${settings.database}' has no tables`, {
          table: settings.database,
        });
      }
      const sorted = new Map([...descriptions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return new MysqlSourceConnector(location, connection, sorted);
    } catch (e) {
      connection.destroy();
      throw e;
    }
  }

  tables(): string[] {
    return [...this.descriptions.keys()];
  }

  async describe(table: string): Promise<SourceTableDescription> {
    const d = this.descriptions.get(table);
    if (!d) throw new FerryError('FERRY_ERR_NOT_FOUND', `no table '${table}' in ${this.location}`, { table });
    return structuredClone(d);
  }

  async header(table: string): Promise<string[]> {
    return (await this.describe(table)).columns.map((c) => c.name);
  }

  async *rows(table: string, options: SourceReadOptions = {}): AsyncGenerator<SourceRecord> {
    if (this.closed) throw new FerryError('FERRY_ERR_INPUT', 'the MySQL source is closed', { table });
    const d = await this.describe(table);
    const order = (d.primaryKey.length ? d.primaryKey : d.columns.map((c) => c.name)).map(quote).join(', ');
    const sql = `SELECT ${d.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)} ORDER BY ${order}`;
    // A streamed query: rows come as the server sends them, paused while the consumer is busy (backpressure).
    const stream = this.connection.query(sql).stream({ highWaterMark: 1000 });
    let line = 0;
    try {
      for await (const row of stream as AsyncIterable<(string | null)[]>) {
        line++;
        if (options.after !== undefined && line <= options.after) continue;
        yield { line, fields: row.map((v) => v ?? '') };
      }
    } catch (e) {
      throw new FerryError('FERRY_ERR_INPUT', `reading ${table}: ${(e as Error).message}`, { table }, { cause: e });
    } finally {
      stream.destroy();
    }
  }

  /** Per table: sha256 over its rows as read (fields tab-separated, NULL as empty), kept for the run. */
  inputHashes(): Promise<SourceInputHash[]> {
    this.hashes ??= (async () => {
      const out: SourceInputHash[] = [];
      for (const table of this.tables()) {
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const r of this.rows(table)) {
          const text = `${r.fields.map((f) => f.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n')).join('\t')}\n`;
          hash.update(text);
          bytes += Buffer.byteLength(text);
        }
        out.push({ table, file: table, sha256: hash.digest('hex'), bytes });
      }
      return out;
    })();
    return this.hashes;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connection
      .promise()
      .query('ROLLBACK')
      .catch(() => {});
    await this.connection
      .promise()
      .end()
      .catch(() => this.connection.destroy());
  }
}
