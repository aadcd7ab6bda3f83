import { afterAll, beforeAll, expect, it } from 'vitest';
import { PlatformMigrator } from '../db/migrations/platform-migrator.js';
import { bootstrapSuperAdmin } from '../identity/bootstrap-admin.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { describeEachDialect, type TestDatabase } from '../testing/test-database.js';
import { auditVerifyLimits, verifyAuditTrail } from './audit-trail-check.js';

/**
 * An empty, dropped or truncated trail has no broken link for the hash chain to find: verify must still fail on it,
 * and say what it cannot prove.
 */
await describeEachDialect('audit trail completeness', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open({ migrated: true });
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** Removes events as a superuser can, around the append-only trigger. */
  const remove = (where: string) =>
    t.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.query(`DELETE FROM audit_events WHERE ${where}`);
    });

  it('fails on an empty trail, then verifies once users are created (each creation audited)', async () => {
    const empty = await verifyAuditTrail(t.db);
    expect([empty.ok, empty.chains, empty.findings, empty.gaps.map((g) => [g.chain, g.problem])]).toEqual([
      false,
      [],
      [],
      [['*', 'empty_trail']],
    ]);
    expect(empty.gaps[0]?.message).toMatch(/^the audit trail holds no event: an empty trail proves nothing/);
    expect(empty.limits).toBe(auditVerifyLimits);

    const hasher = new PasswordHasher({ memoryKib: 1024, iterations: 1 });
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test'])
      await bootstrapSuperAdmin(t.db, hasher, { email, password: 'a long and unusual phrase' }, new Date());
    const intact = await verifyAuditTrail(t.db);
    expect([intact.ok, intact.chains.map((c) => [c.chain, c.events]), intact.gaps]).toEqual([
      true,
      [['platform', 3]],
      [],
    ]);
    const other = await verifyAuditTrail(t.db, { chain: '00000000-0000-0000-0000-000000000000' });
    expect([other.ok, other.gaps.map((g) => g.problem)]).toEqual([false, ['empty_trail']]);
  });

  it('finds a trail cut at its start, and a trail emptied while its users remain', async () => {
    await remove('seq = 1');
    const cut = await verifyAuditTrail(t.db);
    expect([cut.ok, cut.findings.map((f) => [f.problem, f.message])]).toEqual([
      false,
      [['missing_event', 'event 1 to 1 of chain platform is missing']],
    ]);
    await remove('true');
    const emptied = await verifyAuditTrail(t.db);
    expect([emptied.ok, emptied.gaps.map((g) => [g.chain, g.problem, g.message])]).toEqual([
      false,
      [
        ['*', 'empty_trail', expect.any(String)],
        [
          'platform',
          'missing_chain',
          'chain platform holds no event, but 3 user(s) of it exist and creating a user is always audited: its events were lost',
        ],
      ],
    ]);
  });

  it('fails when the trail table itself is gone (schema rolled back)', async () => {
    await (await PlatformMigrator.create(t.db)).rollback({
      all: true,
      allowDestroying: ['audit-trail', 'users', 'practice-records'],
    });
    const gone = await verifyAuditTrail(t.db);
    expect([gone.ok, gone.gaps.map((g) => g.problem)]).toEqual([false, ['no_trail']]);
  });
});
