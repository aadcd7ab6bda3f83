import pg from 'pg';
import { FerryError } from '../errors.js';
import { type Catalog, type CatalogColumn, type CatalogTable, catalogSchema, type DataType } from './catalog-model.js';

/** Where to introspect: a PostgreSQL URL and a schema (default `public`). */
export interface PostgresIntrospectOptions {
  connectionString: string;
  schema?: string;
  /** The catalog's name (default: the schema name). */
  name?: string;
}

const integerTypes = new Set(['int2', 'int4', 'int8']);
const decimalTypes = new Set(['numeric', 'float4', 'float8', 'money']);
const datetimeTypes = new Set(['timestamp', 'timestamptz']);

/**
 * The catalog type of a PostgreSQL type (after resolving domains to their base type).
 * Enums are `code`; types without a closer catalog type (text, json, uuid, time, arrays...) are `string`.
 *
 * @example
 * catalogTypeOfPostgres('timestamptz', 'b', 'D') // => 'datetime'
 */
export function catalogTypeOfPostgres(typeName: string, typeType: string, category: string): DataType {
  if (category === 'A') return 'string';
  if (typeType === 'e') return 'code';
  if (integerTypes.has(typeName)) return 'integer';
  if (decimalTypes.has(typeName)) return 'decimal';
  if (typeName === 'date') return 'date';
  if (datetimeTypes.has(typeName)) return 'datetime';
  if (typeName === 'bool') return 'boolean';
  return 'string';
}

/** A connection string with any password replaced, for messages. */
export function redactConnectionString(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable connection string)';
  }
}

const columnsSql = `
select c.relname as table_name, a.attname as column_name,
       (a.attnotnull or coalesce(t.typnotnull, false)) as not_null,
       coalesce(bt.typname, t.typname) as type_name,
       coalesce(bt.typtype, t.typtype)::text as type_type,
       coalesce(bt.typcategory, t.typcategory)::text as type_category,
       case when t.typtype = 'd' then t.typtypmod else a.atttypmod end as typmod,
       col_description(c.oid, a.attnum) as description
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_type t on t.oid = a.atttypid
left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
order by c.relname, a.attnum`;

const constraintsSql = `
select con.contype::text as kind, c.relname as table_name, a.attname as column_name,
       fn.nspname as ref_schema, fc.relname as ref_table, fa.attname as ref_column
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
left join pg_class fc on fc.oid = con.confrelid
left join pg_namespace fn on fn.oid = fc.relnamespace
left join pg_attribute fa on fa.attrelid = con.confrelid and fa.attnum = con.confkey[k.ord]
where n.nspname = $1 and con.contype in ('p', 'f')
order by con.conname, k.ord`;

interface ColumnRow {
  table_name: string;
  column_name: string;
  not_null: boolean;
  type_name: string;
  type_type: string;
  type_category: string;
  typmod: number;
  description: string | null;
}

interface ConstraintRow {
  kind: 'p' | 'f';
  table_name: string;
  column_name: string;
  ref_schema: string | null;
  ref_table: string | null;
  ref_column: string | null;
}

/**
 * Reads a catalog from a PostgreSQL schema's system catalogs: its tables (ordinary and partitioned;
 * not partitions, views or foreign tables) and their columns, in column order, with catalog types
 * (domains resolved, enums as `code` with the enum as code type), `varchar`/`char` lengths, nullability,
 * primary keys, foreign keys to tables of the same schema as `TABLE.COLUMN` (references to other schemas
 * are left out, as the catalog could not check them) and column comments as descriptions.
 * Every table is in scope.
 *
 * @example
 * const catalog = await introspectPostgresCatalog({ connectionString: 'postgres://me@db/pas', schema: 'legacy' });
 */
export async function introspectPostgresCatalog(options: PostgresIntrospectOptions): Promise<Catalog> {
  const schema = options.schema ?? 'public';
  const client = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_SOURCE_UNREACHABLE',
      `cannot connect to PostgreSQL at ${redactConnectionString(options.connectionString)}: ${(e as Error).message}`,
      { stage: 'catalog' },
      { cause: e },
    );
  }
  try {
    const found = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    if (found.rowCount === 0) {
      throw new FerryError('FERRY_ERR_NOT_FOUND', `schema '${schema}' does not exist in the database`, {
        stage: 'catalog',
      });
    }
    const columns = (await client.query<ColumnRow>(columnsSql, [schema])).rows;
    const constraints = (await client.query<ConstraintRow>(constraintsSql, [schema])).rows;

    const keys = new Set<string>();
    const references = new Map<string, string>();
    for (const r of constraints) {
      const at = `${r.table_name}\u0000${r.column_name}`;
      if (r.kind === 'p') keys.add(at);
      else if (r.ref_schema === schema && r.ref_table && r.ref_column && !references.has(at)) {
        references.set(at, `${r.ref_table}.${r.ref_column}`);
      }
    }

    const tables = new Map<string, CatalogTable>();
    for (const r of columns) {
      let table = tables.get(r.table_name);
      if (!table) {
        table = { name: r.table_name, inScope: true, columns: [] };
        tables.set(r.table_name, table);
      }
      const at = `${r.table_name}\u0000${r.column_name}`;
      const dataType = catalogTypeOfPostgres(r.type_name, r.type_type, r.type_category);
      const primaryKey = keys.has(at);
      const column: CatalogColumn = {
        name: r.column_name,
        dataType,
        nullable: !r.not_null && !primaryKey,
        primaryKey,
        description: r.description ?? '',
      };
      if ((r.type_name === 'varchar' || r.type_name === 'bpchar') && r.typmod > 4) column.maxLength = r.typmod - 4;
      const reference = references.get(at);
      if (reference) column.references = reference;
      if (dataType === 'code') column.codeType = r.type_name;
      table.columns.push(column);
    }
    return catalogSchema.parse({ version: 1, name: options.name ?? schema, tables: [...tables.values()] });
  } finally {
    await client.end().catch(() => {});
  }
}
