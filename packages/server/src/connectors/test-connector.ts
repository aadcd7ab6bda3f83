import { FerryError, isFerryError, withPostgresSource } from '@ferry/core';
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

async function checkCsv(opened: Extract<OpenedConnector, { kind: 'csv' }>): Promise<ConnectorCheck[]> {
  const { source } = opened;
  const checks: ConnectorCheck[] = [
    { name: 'files', ok: true, message: `${source.tables().length} CSV file(s): ${source.tables().join(', ')}` },
  ];
  for (const table of source.tables()) {
    const name = `${table}.csv`;
    try {
      const header = await source.header(table);
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
  return checks;
}

async function checkPostgres(opened: Extract<OpenedConnector, { kind: 'postgres' }>): Promise<ConnectorCheck[]> {
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
  } catch (e) {
    checks.push({ name: checks.length ? 'schema' : 'connection', ok: false, message: describeError(e) });
  }
  return checks;
}

/**
 * Tests a connector without changing anything: for CSV, each file's header, encoding and first records; for
 * PostgreSQL, the connection, the schema and the account's right to use it. Problems are reported as failed checks
 * (the test itself succeeds), each with a message a person can act on.
 */
export async function testConnector(
  open: () => Promise<OpenedConnector>,
  uploadDir?: string,
): Promise<ConnectorCheck[]> {
  let opened: OpenedConnector;
  try {
    opened = await (uploadDir ? hideUploadDir(uploadDir, open) : open());
  } catch (e) {
    return [{ name: 'open', ok: false, message: describeError(e) }];
  }
  if (opened.kind === 'postgres') return checkPostgres(opened);
  return uploadDir ? hideUploadDir(uploadDir, () => checkCsv(opened)) : checkCsv(opened);
}
