import { isFerryError, withPostgresSource } from '@ferry/core';
import type { ConnectorCheck } from '../connectors/test-connector.js';

/**
 * Tests a target database without changing anything: the connection, the schema, the account's right to create
 * tables in it (a load creates its tables), and the Ferry jobs it already holds. Problems are failed checks.
 */
export async function testTargetDatabase(connectionString: string, schema: string): Promise<ConnectorCheck[]> {
  const checks: ConnectorCheck[] = [];
  try {
    await withPostgresSource(connectionString, async (client) => {
      const version = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
      checks.push({ name: 'connection', ok: true, message: `connected to PostgreSQL ${version.rows[0]!.v}` });
      const found = await client.query<{ tables: string; usable: boolean; creatable: boolean; jobs: string | null }>(
        `select (select count(*) from pg_class c where c.relnamespace = n.oid and c.relkind in ('r', 'p'))::text as tables,
                has_schema_privilege(n.oid, 'USAGE') as usable, has_schema_privilege(n.oid, 'CREATE') as creatable,
                to_regclass(quote_ident(n.nspname) || '.ferry_jobs')::text as jobs
         from pg_namespace n where n.nspname = $1`,
        [schema],
      );
      const row = found.rows[0];
      if (!row) {
        checks.push({ name: 'schema', ok: false, message: `schema '${schema}' does not exist in the database` });
        return;
      }
      if (!row.usable || !row.creatable) {
        checks.push({
          name: 'schema',
          ok: false,
          message: `the account may not ${row.usable ? 'create tables in' : 'use'} schema '${schema}'`,
        });
        return;
      }
      let jobs = 0;
      if (row.jobs) {
        const counted = await client.query<{ n: string }>(`select count(*)::text as n from ${row.jobs}`);
        jobs = Number(counted.rows[0]?.n ?? 0);
      }
      checks.push({
        name: 'schema',
        ok: true,
        message: `schema ${schema}: ${row.tables} table(s), ${jobs} Ferry job(s) loaded; the account may create tables`,
      });
    });
  } catch (e) {
    checks.push({
      name: checks.length ? 'schema' : 'connection',
      ok: false,
      message: isFerryError(e) ? e.describe() : 'unexpected error (see the server log)',
    });
  }
  return checks;
}
