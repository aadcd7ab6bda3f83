import { describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../store/pglite-database.js';
import { PostgresDatabase } from '../store/postgres-database.js';
import type { SqlDatabase } from '../store/sql-database.js';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { diffKeyedTables } from './keyed-table-diff.js';

const pgUp = await postgresReachable();

/** Two 20,000-row tables with a compound key (site, number) that differ in a handful of known rows. */
async function seed(db: SqlDatabase) {
  for (const t of ['src', 'tgt']) {
    await db.exec(`CREATE TABLE ${t} (site text, num integer, surname text, dob date)`);
    await db.exec(
      `INSERT INTO ${t} SELECT CASE WHEN g % 2 = 0 THEN 'RXF01' ELSE 'RXF02' END, g, 'NAME' || (g % 97), DATE '1950-01-01' + g FROM generate_series(1, 20000) g`,
    );
  }
  await db.exec(`UPDATE tgt SET surname = 'CHANGED' WHERE num IN (17, 9001)`); // changed values
  await db.exec(`UPDATE tgt SET dob = NULL WHERE num = 15000`); // a value set to NULL
  await db.exec(`DELETE FROM tgt WHERE num IN (4, 12345)`); // missing in the target
  await db.exec(`INSERT INTO tgt VALUES ('RXF09', 99999, 'EXTRA', DATE '2000-01-01')`); // not in the source
  // Rows with a NULL in the key: compared as a bag (the first pair is equal, the second differs).
  await db.exec(`INSERT INTO src VALUES (NULL, 1, 'NULLSITE', NULL), ('RXF01', NULL, 'NULLNUM', NULL)`);
  await db.exec(`INSERT INTO tgt VALUES (NULL, 1, 'NULLSITE', NULL), ('RXF01', NULL, 'NULLNUM-CHANGED', NULL)`);
}

function suite(name: string, open: () => Promise<{ db: SqlDatabase; done: () => Promise<void> }>) {
  it(`${name}: finds every changed, missing and extra row by bisection, pulling only a small share of rows`, async () => {
    const { db, done } = await open();
    try {
      await seed(db);
      const side = (table: string) => ({ db, table, key: ['site', 'num'], columns: ['surname', 'dob'] });
      const diff = await diffKeyedTables(side('src'), side('tgt'), { leafRows: 200 });
      expect(diff.matched).toBe(false);
      expect(diff.mismatches).toEqual(
        [
          { key: ['RXF01', null], kind: 'missing_in_right' },
          { key: ['RXF01', null], kind: 'missing_in_left' },
          { key: ['RXF02', '12345'], kind: 'missing_in_right' },
          { key: ['RXF01', '15000'], kind: 'changed' },
          { key: ['RXF01', '4'], kind: 'missing_in_right' },
          { key: ['RXF02', '17'], kind: 'changed' },
          { key: ['RXF02', '9001'], kind: 'changed' },
          { key: ['RXF09', '99999'], kind: 'missing_in_left' },
        ].sort((a, b) =>
          JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : JSON.stringify(a.key) > JSON.stringify(b.key) ? 1 : 0,
        ),
      );
      expect(diff.leftRows).toBe(20002);
      expect(diff.rightRows).toBe(20001);
      expect(diff.rowsPulled).toBeLessThan(8000);

      const same = await diffKeyedTables(side('src'), side('src'));
      expect(same).toMatchObject({ matched: true, mismatchCount: 0, rowsPulled: 0, segments: 2 });
    } finally {
      await db.close();
      await done();
    }
  });
}

describe('diffKeyedTables', () => {
  suite('PGlite', async () => ({ db: await PgliteDatabase.open(), done: async () => {} }));
  describe.runIf(pgUp)('PostgreSQL', () => {
    suite('PostgreSQL', async () => {
      const schema = await createTestSchema('tablediff');
      return { db: await PostgresDatabase.open(schema.url), done: schema.drop };
    });
  });
});
