import pg from 'pg';

/** The PostgreSQL server integration tests use; overridable with FERRY_TEST_DATABASE_URL. */
export const testDatabaseUrl = process.env.FERRY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;

/**
 * True when the test PostgreSQL server answers. Under CI=true an unreachable server is an error:
 * nothing may skip in CI.
 */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      if (process.env.CI === 'true') {
        throw new Error(`CI=true but PostgreSQL at ${testDatabaseUrl} is unreachable; integration tests may not skip`);
      }
      process.stderr.write(`[ferry tests] PostgreSQL at ${testDatabaseUrl} unreachable: skipping PostgreSQL tests\n`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

/**
 * Creates a fresh, uniquely named schema on the test server and returns a URL whose search_path points at it,
 * plus a cleanup function. Tests use it to stay isolated from each other.
 */
export async function createTestSchema(
  prefix: string,
): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(`create schema "${schema}"`);
  await client.end();
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: testDatabaseUrl });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    },
  };
}
