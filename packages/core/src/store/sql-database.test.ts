import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase } from './postgres-database.js';
import type { SqlDatabase } from './sql-database.js';

const pgUp = await postgresReachable();

/** The same suite runs on every dialect, PGlite included (as Kysely does). */
function databaseContract(name: string, open: () => Promise<{ db: SqlDatabase; done: () => Promise<void> }>) {
  describe(name, () => {
    let db: SqlDatabase;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ db, done } = await open());
      await db.exec('create table t (id integer primary key, name text, born date)');
    });
    afterAll(async () => {
      await db.close();
      await done();
    });

    it('loads CSV with COPY: quotes, commas, newlines and NULL for empty fields', async () => {
      await db.copyFromCsv('t', ['id', 'name', 'born'], '1,"O\'Brien, ""Jo""",1961-02-03\n2,"a\nb",\n3,,2000-01-01\n');
      const rows = await db.query<{ id: number; name: string | null; born: string | null }>(
        'select id, name, born::text as born from t order by id',
      );
      expect(rows).toEqual([
        { id: 1, name: 'O\'Brien, "Jo"', born: '1961-02-03' },
        { id: 2, name: 'a\nb', born: null },
        { id: 3, name: null, born: '2000-01-01' },
      ]);
    });

    it('rolls a failed transaction back entirely, COPY included', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.copyFromCsv('t', ['id', 'name'], '10,x\n');
          await tx.query('insert into t (id) values ($1)', [1]);
        }),
      ).rejects.toThrow();
      const rows = await db.query<{ n: string }>('select count(*)::text as n from t where id = 10');
      expect(rows[0]?.n).toBe('0');
    });

    it('commits a transaction', async () => {
      await db.transaction(async (tx) => {
        await tx.copyFromCsv('t', ['id', 'name'], '20,y\n');
      });
      const rows = await db.query<{ name: string }>('select name from t where id = $1', [20]);
      expect(rows).toEqual([{ name: 'y' }]);
    });
  });
}

databaseContract('PgliteDatabase', async () => ({ db: await PgliteDatabase.open(), done: async () => {} }));

describe.runIf(pgUp)('on a PostgreSQL server', () => {
  databaseContract('PostgresDatabase', async () => {
    const schema = await createTestSchema('store');
    return { db: await PostgresDatabase.open(schema.url), done: schema.drop };
  });
});
