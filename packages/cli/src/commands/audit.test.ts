import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { auditVerifyLimits, bootstrapSuperAdmin, PasswordHasher } from '@ferry/server';
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
    const dir = await mkdtemp(join(tmpdir(), 'ferry-cli-anchors-'));
    const anchorFile = join(dir, 'audit-anchors.jsonl');
    vi.stubEnv('FERRY_AUDIT_ANCHOR_FILE', anchorFile);
    const db = await PostgresDatabase.open(schema.url, { max: 1 });
    try {
      expect((await runFerry('db', 'migrate')).code).toBe(0);
      // A freshly migrated platform has an empty trail: nothing is proven, so verify fails and says why.
      const empty = await runFerry('audit', 'verify');
      expect([empty.code, empty.stdout]).toEqual([
        1,
        `INCOMPLETE empty_trail: the audit trail holds no event: an empty trail proves nothing (a trail dropped and recreated, e.g. by ferry db rollback, looks like this)\nUNPROVEN no anchors: the whole trail is unproven (run ferry audit checkpoint)\nAudit trail NOT VERIFIED: 1 problem(s)\n${auditVerifyLimits}\n`,
      ]);
      const hasher = new PasswordHasher({ memoryKib: 1024, iterations: 1 });
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) {
        await bootstrapSuperAdmin(db, hasher, { email, password: 'a long and unusual phrase' }, new Date());
      }
      const intact = await runFerry('audit', 'verify');
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(
        /^chain platform: 3 events, head 3 [0-9a-f]{64}\nUNPROVEN no anchors: the whole trail is unproven \(run ferry audit checkpoint\)\nAudit trail intact: every chain verifies from its first event and matches its checkpoints\nLimits: /,
      );
      const required = await runFerry('audit', 'verify', '--require-anchors');
      expect([required.code, required.stdout.split('\n')[1]]).toEqual([
        1,
        'INCOMPLETE no_anchors: no anchors: the whole trail is unproven (no signed checkpoint in the anchor file)',
      ]);
      const checkpoint = await runFerry('audit', 'checkpoint');
      expect(checkpoint.code).toBe(0);
      const [written, appended] = checkpoint.stdout.trimEnd().split('\n');
      expect(written).toMatch(/^checkpoint chain platform: head 3 [0-9a-f]{64}$/);
      expect(appended).toBe(`1 checkpoint(s) appended to ${anchorFile}`);
      expect((await runFerry('audit', 'checkpoint')).stdout).toBe(
        `0 checkpoint(s) appended to ${anchorFile} (no head moved)\n`,
      );
      expect(JSON.parse(await readFile(anchorFile, 'utf8'))).toMatchObject({ chain: 'platform', seq: 3 });
      const anchored = await runFerry('audit', 'verify', '--require-anchors');
      expect([anchored.code, anchored.stdout.split('\n')[1]]).toEqual([
        0,
        'Audit trail intact: every chain verifies from its first event and matches its checkpoints',
      ]);
      await db.transaction(async (tx) => {
        await tx.exec('SET LOCAL session_replication_role = replica');
        await tx.query(`UPDATE audit_events SET actor = 'someone else' WHERE seq = 2`);
      });
      const broken = await runFerry('audit', 'verify');
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(
        /BROKEN hash_mismatch: event 2 of chain platform was changed after it was written\nAudit trail NOT VERIFIED: 1 problem\(s\)\nLimits: /,
      );
      const json = JSON.parse((await runFerry('audit', 'verify', '--org', 'platform', '--json')).stdout);
      expect(json.findings).toEqual([
        { chain: 'platform', seq: 2, problem: 'hash_mismatch', message: expect.any(String) },
      ]);
      // The case: the schema rolled back (now only with both flags named) and migrated again leaves an
      // empty trail beside no users; rolled back and not migrated, there is no trail at all. Neither is "intact".
      await db.close();
      const dropped = await runFerry(
        'db',
        'rollback',
        '--all',
        '--drop-audit-trail',
        '--drop-users',
        '--drop-practice-records',
        '--yes',
      );
      expect(dropped.code).toBe(0);
      const gone = await runFerry('audit', 'verify');
      expect([gone.code, gone.stdout.split('\n')[0]]).toEqual([
        1,
        'INCOMPLETE no_trail: there is no audit trail table (audit_events): the platform schema was rolled back or never migrated; nothing can be verified',
      ]);
      expect((await runFerry('db', 'migrate')).code).toBe(0);
      expect((await runFerry('audit', 'verify')).code).toBe(1);
    } finally {
      await db.close().catch(() => {});
      await schema.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
