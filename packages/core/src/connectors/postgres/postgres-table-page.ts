import { FerryError } from '../../errors.js';
import { quoteIdent } from '../../store/sql-database.js';
import type { SourceRowPage } from '../source-row-page.js';
import { withPostgresSource } from './postgres-source.js';

export interface PostgresTablePageOptions {
  connectionString: string;
  schema: string;
  table: string;
  offset: number;
  limit: number;
}

/**
 * Reads rows `offset .. offset+limit-1` of a table of a PostgreSQL source (ordinary or partitioned tables, as the
 * catalog introspector lists them), ordered by the primary key when there is one so pages do not overlap. The table
 * must exist in the schema (FERRY_ERR_NOT_FOUND otherwise); names are quoted, never spliced.
 *
 * @example
 * const page = await readPostgresTablePage({ connectionString, schema: 'legacy', table: 'patient', offset: 0, limit: 50 });
 */
export async function readPostgresTablePage(options: PostgresTablePageOptions): Promise<SourceRowPage> {
  const { schema, table, offset, limit } = options;
  return withPostgresSource(options.connectionString, async (client) => {
    const found = await client.query<{ oid: string }>(
      `select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p')`,
      [schema, table],
    );
    const oid = found.rows[0]?.oid;
    if (!oid) throw new FerryError('FERRY_ERR_NOT_FOUND', `no table '${table}' in schema '${schema}'`, { table });
    const keys = await client.query<{ attname: string }>(
      `select a.attname from pg_constraint con
       cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
       where con.conrelid = $1 and con.contype = 'p' order by k.ord`,
      [oid],
    );
    const order = keys.rows.length ? ` order by ${keys.rows.map((k) => quoteIdent(k.attname)).join(', ')}` : '';
    const result = await client.query({
      text: `select * from ${quoteIdent(schema)}.${quoteIdent(table)}${order} limit $1 offset $2`,
      values: [limit + 1, offset],
      rowMode: 'array',
    });
    const rows = result.rows as (string | null)[][];
    return {
      columns: result.fields.map((f) => f.name),
      rows: rows.slice(0, limit),
      offset,
      hasMore: rows.length > limit,
    };
  });
}
