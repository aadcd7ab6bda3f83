import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { bootstrapSuperAdmin, PasswordHasher } from '@ferry/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

const pgUp = await postgresReachable();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ferry audit verify', () => {
  it.runIf(pgUp)('reports an intact trail, then the event a superuser edited, with exit code 1', async () => {
    const schema = await createTestSchema('ferry_cli_audit');
    vi.stubEnv('DATABASE_URL', schema.url);
    const db = await PostgresDatabase.open(schema.url, { max: 1 });
    try {
      expect((await runFerry('db', 'migrate')).code).toBe(0);
      const hasher = new PasswordHasher({ memoryKib: 1024, iterations: 1 });
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) {
        await bootstrapSuperAdmin(db, hasher, { email, password: 'a long and unusual phrase' }, new Date());
      }
      const intact = await runFerry('audit', 'verify');
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/^chain platform: 3 events, head 3 [0-9a-f]{64}\nAudit trail intact\n$/);
      await db.transaction(async (tx) => {
        await tx.exec('SET LOCAL session_replication_role = replica');
        await tx.query(`UPDATE audit_events SET actor = 'someone else' WHERE seq = 2`);
      });
      const broken = await runFerry('audit', 'verify');
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(
        /BROKEN hash_mismatch: event 2 of chain platform was changed after it was written\nAudit trail BROKEN: 1 finding\(s\)\n$/,
      );
      const json = JSON.parse((await runFerry('audit', 'verify', '--org', 'platform', '--json')).stdout);
      expect(json.findings).toEqual([
        { chain: 'platform', seq: 2, problem: 'hash_mismatch', message: expect.any(String) },
      ]);
    } finally {
      await db.close();
      await schema.drop();
    }
  });
});
