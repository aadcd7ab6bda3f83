import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, postgresReachable, testDatabaseUrl } from '../../testing/postgres-test-env.js';
import { postgresSourceUrl } from './postgres-source.js';
import { readPostgresTablePage } from './postgres-table-page.js';

it('builds a source URL with the account escaped', () => {
  expect(
    postgresSourceUrl({ host: 'pas-db', port: 5433, database: 'pas live', user: 'fe@rry', password: 'p@ss:/' }),
  ).toBe('postgres://fe%40rry:p%40ss%3A%2F@pas-db:5433/pas%20live');
});

const pgUp = await postgresReachable();

describe.skipIf(!pgUp)('readPostgresTablePage (PostgreSQL)', () => {
  let env: Awaited<ReturnType<typeof createTestSchema>>;
  beforeAll(async () => {
    env = await createTestSchema('ferry_page');
    const client = new pg.Client({ connectionString: env.url });
    await client.connect();
    await client.query(`
      create table "Patient" (pat_id integer primary key, surname text, born date, weight numeric(5,2));
      insert into "Patient" values (3, 'Khan', null, 70.5), (1, 'Smith', '1950-01-02', null), (2, 'O''Neil', '1960-03-04', 81);
    `);
    await client.end();
  });
  afterAll(async () => {
    await env?.drop();
  });

  it('pages rows in key order as text, nulls kept, and never writes', async () => {
    const connectionString = testDatabaseUrl;
    const first = await readPostgresTablePage({
      connectionString,
      schema: env.schema,
      table: 'Patient',
      offset: 0,
      limit: 2,
    });
    expect(first).toEqual({
      columns: ['pat_id', 'surname', 'born', 'weight'],
      rows: [
        ['1', 'Smith', '1950-01-02', null],
        ['2', "O'Neil", '1960-03-04', '81.00'],
      ],
      offset: 0,
      hasMore: true,
    });
    const second = await readPostgresTablePage({
      connectionString,
      schema: env.schema,
      table: 'Patient',
      offset: 2,
      limit: 2,
    });
    expect(second.rows).toEqual([['3', 'Khan', null, '70.50']]);
    expect(second.hasMore).toBe(false);
  });

  it('refuses a table that is not in the schema, and an unreachable server, with clear errors', async () => {
    await expect(
      readPostgresTablePage({
        connectionString: testDatabaseUrl,
        schema: env.schema,
        table: 'x"; drop table "Patient',
        offset: 0,
        limit: 1,
      }),
    ).rejects.toMatchObject({ code: 'FERRY_ERR_NOT_FOUND' });
    await expect(
      readPostgresTablePage({
        connectionString: 'postgres://ferry:secret@127.0.0.1:1/none',
        schema: 'public',
        table: 'x',
        offset: 0,
        limit: 1,
      }),
    ).rejects.toMatchObject({ code: 'FERRY_ERR_SOURCE_UNREACHABLE', message: expect.not.stringContaining('secret') });
  });
});
