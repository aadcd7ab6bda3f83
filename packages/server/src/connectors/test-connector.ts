import type { SourceConnector } from '@ferry/core';
import {
  type Catalog,
  FerryError,
  type FoundSourceTable,
  introspectPostgresCatalog,
  isFerryError,
  matchSourceToCatalog,
  withPostgresSource,
} from '@ferry/core';
import type { OpenedConnector } from './connector-source.js';
import { hideUploadDir } from './connector-source.js';

/** One thing a connection test checked. */
export interface ConnectorCheck {
  name: string;
  ok: boolean;
  message: string;
}

const sampleRows = 1000;

const describeError = (e: unknown) => (isFerryError(e) ? e.describe() : 'unexpected error (see the server log)');

const list = (names: readonly string[], max = 10) =>
  names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');

/** How the source lines up with the pack's source catalog: what a run would miss. */
export function catalogCheck(catalog: Catalog, found: readonly FoundSourceTable[]): ConnectorCheck {
  const m = matchSourceToCatalog(catalog, found);
  const extra = m.extraTables.length ? `; not in the catalog (a run does not read them): ${list(m.extraTables)}` : '';
  const problems = [
    ...(m.missingTables.length ? [`missing tables: ${list(m.missingTables)}`] : []),
    ...(m.missingColumns.length
      ? [
          `missing columns: ${list(
            m.missingColumns.map((t) => `${t.table} (${list(t.columns, 5)})`),
            5,
          )}`,
        ]
      : []),
  ];
  return problems.length
    ? { name: 'pack catalog', ok: false, message: `${problems.join('; ')}${extra}` }
    : {
        name: 'pack catalog',
        ok: true,
        message: `all ${m.matchedTables} in-scope tables of ${catalog.name} are there, with their columns${extra}`,
      };
}

async function checkCsv(
  opened: Extract<OpenedConnector, { kind: 'csv' }>,
  catalog: Catalog | undefined,
): Promise<ConnectorCheck[]> {
  const found: FoundSourceTable[] = [];
  const { source } = opened;
  const checks: ConnectorCheck[] = [
    { name: 'files', ok: true, message: `${source.tables().length} CSV file(s): ${source.tables().join(', ')}` },
  ];
  for (const table of source.tables()) {
    const name = `${table}.csv`;
    try {
      const header = await source.header(table);
      found.push({ name: table, columns: header });
      let rows = 0;
      let ragged = 0;
      for await (const record of source.rows(table)) {
        if (record.fields.length !== header.length) ragged++;
        if (++rows >= sampleRows) break;
      }
      const encoding = await source.encoding(table);
      checks.push(
        ragged
          ? {
              name,
              ok: false,
              message: `${ragged} of the first ${rows} records are ragged (field count ≠ header's ${header.length})`,
            }
          : { name, ok: true, message: `${encoding}, ${header.length} columns, first ${rows} record(s) read` },
      );
    } catch (e) {
      checks.push({ name, ok: false, message: describeError(e) });
    }
  }
  if (catalog) checks.push(catalogCheck(catalog, found));
  return checks;
}

/** Any registered connector: it opened (connection or files), then each table's header and first rows. */
async function checkSource(source: SourceConnector, catalog: Catalog | undefined): Promise<ConnectorCheck[]> {
  const found: FoundSourceTable[] = [];
  const tables = source.tables();
  const checks: ConnectorCheck[] = [
    { name: 'source', ok: true, message: `${source.kind}: ${tables.length} table(s): ${list(tables)}` },
  ];
  try {
    for (const table of tables) {
      try {
        const header = await source.header(table);
        found.push({ name: table, columns: header });
        let rows = 0;
        let ragged = 0;
        for await (const record of source.rows(table)) {
          if (record.fields.length !== header.length) ragged++;
          if (++rows >= sampleRows) break;
        }
        checks.push(
          ragged
            ? {
                name: table,
                ok: false,
                message: `${ragged} of the first ${rows} rows do not have the header's ${header.length} fields`,
              }
            : { name: table, ok: true, message: `${header.length} columns, first ${rows} row(s) read` },
        );
      } catch (e) {
        checks.push({ name: table, ok: false, message: describeError(e) });
      }
    }
    if (catalog) checks.push(catalogCheck(catalog, found));
  } finally {
    await source.close();
  }
  return checks;
}

async function checkPostgres(
  opened: Extract<OpenedConnector, { kind: 'postgres' }>,
  catalog: Catalog | undefined,
): Promise<ConnectorCheck[]> {
  const checks: ConnectorCheck[] = [];
  try {
    await withPostgresSource(opened.connectionString, async (client) => {
      const version = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
      checks.push({ name: 'connection', ok: true, message: `connected to PostgreSQL ${version.rows[0]!.v}` });
      const schema = await client.query<{ tables: string; usable: boolean }>(
        `select (select count(*) from pg_class c where c.relnamespace = n.oid and c.relkind in ('r', 'p'))::text as tables,
                has_schema_privilege(n.oid, 'USAGE') as usable
         from pg_namespace n where n.nspname = $1`,
        [opened.schema],
      );
      const row = schema.rows[0];
      if (!row) throw new FerryError('FERRY_ERR_NOT_FOUND', `schema '${opened.schema}' does not exist in the database`);
      if (!row.usable) throw new FerryError('FERRY_ERR_FORBIDDEN', `the account may not use schema '${opened.schema}'`);
      checks.push({ name: 'schema', ok: true, message: `schema ${opened.schema}: ${row.tables} table(s)` });
    });
    if (catalog) {
      const found = await introspectPostgresCatalog({
        connectionString: opened.connectionString,
        schema: opened.schema,
      });
      checks.push(
        catalogCheck(
          catalog,
          found.tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })),
        ),
      );
    }
  } catch (e) {
    const name = ['connection', 'schema', 'pack catalog'][checks.length] ?? 'pack catalog';
    checks.push({ name, ok: false, message: describeError(e) });
  }
  return checks;
}

/**
 * Tests a connector without changing anything: for CSV, each file's header, encoding and first records; for
 * PostgreSQL, the connection, the schema and the account's right to use it; then, given the project pack's source
 * catalog, whether the tables and columns a run needs are there. Problems are reported as failed checks (the test
 * itself succeeds), each with a message a person can act on.
 */
export async function testConnector(
  open: () => Promise<OpenedConnector>,
  options: { uploadDir?: string; catalog?: Catalog } = {},
): Promise<ConnectorCheck[]> {
  const { uploadDir, catalog } = options;
  let opened: OpenedConnector;
  try {
    opened = await (uploadDir ? hideUploadDir(uploadDir, open) : open());
  } catch (e) {
    return [{ name: 'open', ok: false, message: describeError(e) }];
  }
  if (opened.kind === 'postgres') return checkPostgres(opened, catalog);
  if (opened.kind === 'source') return checkSource(opened.source, catalog);
  return uploadDir ? hideUploadDir(uploadDir, () => checkCsv(opened, catalog)) : checkCsv(opened, catalog);
}
