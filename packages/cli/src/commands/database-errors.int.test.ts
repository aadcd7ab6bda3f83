import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable, testDatabaseUrl } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';
import { spawnFerry } from '../testing/spawn-ferry.js';

const pgUp = await postgresReachable();

describe.runIf(pgUp)('database failures, as a user meets them', () => {
  it('table-diff with an unknown column is exit 2 with a sentence naming the column, not an internal error', {
    timeout: 120_000,
  }, async () => {
    const schema = await createTestSchema('ferry_cli_diff');
    try {
      const db = await PostgresDatabase.open(schema.url, { max: 1 });
      await db.exec('CREATE TABLE a (id integer PRIMARY KEY, name text); INSERT INTO a VALUES (1, $$x$$);');
      await db.close();
      const r = await spawnFerry([
        'table-diff',
        '--left',
        schema.url,
        '--left-table',
        'a',
        '--right',
        schema.url,
        '--right-table',
        'a',
        '--key',
        'id',
        '--columns',
        'nmae',
      ]).done;
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('ferry: database: column "nmae" does not exist (unknown column, SQLSTATE 42703)\n');
    } finally {
      await schema.drop();
    }
  });

  it('a PostgreSQL connection cut during a load is exit 3 naming the server, never a stack trace', {
    timeout: 240_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-cut-'));
    await nhsPasPack.generate({ patients: 150, seed: 9, defects: 'none', outDir: dir });
    const schema = await createTestSchema('ferry_cli_cut');
    const admin = await PostgresDatabase.open(testDatabaseUrl, { max: 1 });
    const app = `ferry_cut_${process.pid}`;
    const url = new URL(schema.url);
    url.searchParams.set('application_name', app);
    try {
      const run = spawnFerry([
        '--quiet',
        'migrate',
        '--source',
        `csv:${join(dir, 'source')}`,
        '--target',
        url.toString(),
        '--batch-size',
        '20',
        '--out',
        join(dir, 'job'),
      ]);
      let exited = false;
      void run.done.then(() => {
        exited = true;
      });
      // Every connection of the load is cut, again and again, until the process gives up.
      let cuts = 0;
      while (!exited) {
        const [c] = await admin.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1`,
          [app],
        );
        cuts += c!.n;
        await new Promise((r) => setTimeout(r, 100));
      }
      const r = await run.done;
      expect(cuts).toBeGreaterThan(0);
      expect(r.code).toBe(3);
      expect(r.stderr).not.toMatch(/Unhandled 'error' event|\n\s+at /);
      expect(r.stderr).toMatch(
        /^ferry: (Lost the connection to the database postgres:\/\/postgres@127\.0\.0\.1:5432\/test\?|lost the connection to )/,
      );
      expect(r.stderr).toMatch(/what was committed is kept: rerun \(or --resume\) when it is back\n$/);
    } finally {
      await admin.close();
      await schema.drop();
    }
  });
});
