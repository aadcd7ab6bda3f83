import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantTransaction } from '../db/tenant-transaction.js';
import { bootstrapSuperAdmin } from '../identity/bootstrap-admin.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { describeEachDialect, type TestDatabase } from '../testing/test-database.js';
import { type AuditAnchorConfig, writeAuditCheckpoint } from './audit-anchors.js';
import { auditEventHash } from './audit-hash.js';
import { verifyAuditTrail } from './audit-trail-check.js';
import { appendAuditEvent } from './audit-writer.js';

/**
 * A superuser can rewrite an event and recompute every hash after it: the database alone then verifies. Signed
 * checkpoints kept outside the database (an HMAC with a key the database does not hold) catch the rewrite, a forged
 * checkpoint fails, and what no checkpoint covers is reported unproven.
 */
await describeEachDialect('audit anchors', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  let anchors: AuditAnchorConfig;
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));

  const append = (n: number, minute: number) =>
    tenantTransaction(t.db, { orgId: null, userId: null, platformAccess: true }, async (tx) => {
      for (let i = 0; i < n; i++)
        await appendAuditEvent(
          tx,
          { organisationId: null, actorId: null, actor: 'system', action: 'test.event', targetType: 'test' },
          at(minute),
        );
    });

  beforeAll(async () => {
    t = await dialect.open({ migrated: true });
    dir = await mkdtemp(join(tmpdir(), 'ferry-anchors-'));
    anchors = { file: join(dir, 'anchors', 'audit-anchors.jsonl'), key: 'k'.repeat(32) };
    const hasher = new PasswordHasher({ memoryKib: 1024, iterations: 1 });
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test'])
      await bootstrapSuperAdmin(t.db, hasher, { email, password: 'a long and unusual phrase' }, at(0));
  });
  afterAll(async () => {
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('with no anchor file, reports the whole trail unproven, and fails only when anchors are required', async () => {
    const loose = await verifyAuditTrail(t.db, { anchors });
    expect([loose.ok, loose.gaps, loose.anchors]).toEqual([
      true,
      [],
      {
        anchored: false,
        findings: [],
        unproven: [
          {
            chain: 'platform',
            fromSeq: 1,
            toSeq: 3,
            message: 'chain platform: events 1 to 3 unproven (no checkpoint of this chain)',
          },
        ],
      },
    ]);
    const strict = await verifyAuditTrail(t.db, { anchors, requireAnchors: true });
    expect([strict.ok, strict.gaps]).toEqual([
      false,
      [
        {
          chain: '*',
          problem: 'no_anchors',
          message: 'no anchors: the whole trail is unproven (no signed checkpoint in the anchor file)',
        },
      ],
    ]);
  });

  it('appends a signed checkpoint per moved head, and reports the events after the last one unproven', async () => {
    const first = await writeAuditCheckpoint(t.db, anchors, at(1));
    expect(first.refused).toEqual([]);
    expect(first.written.map((a) => [a.chain, a.seq, a.at])).toEqual([['platform', 3, at(1).toISOString()]]);
    expect((await writeAuditCheckpoint(t.db, anchors, at(2))).written).toEqual([]);
    await append(2, 3);
    const after = await verifyAuditTrail(t.db, { anchors, requireAnchors: true });
    expect([after.ok, after.anchors?.findings, after.anchors?.unproven.map((u) => u.message)]).toEqual([
      true,
      [],
      ['chain platform: events 4 to 5 unproven (after the last checkpoint at seq 3)'],
    ]);
    expect((await writeAuditCheckpoint(t.db, anchors, at(4))).written.map((a) => a.seq)).toEqual([5]);
    const lines = (await readFile(anchors.file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([3, 5]);
    expect((await stat(anchors.file)).mode & 0o777).toBe(0o600);
    const covered = await verifyAuditTrail(t.db, { anchors, requireAnchors: true });
    expect([covered.ok, covered.anchors?.unproven]).toEqual([true, []]);
  });

  it('fails a chain rewritten with recomputed hashes before a checkpoint, naming the chain and seq', async () => {
    // As a superuser would: triggers off, event 2 edited, and every hash from it onwards recomputed and relinked.
    await t.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      const rows = await tx.query<Record<string, unknown>>(
        `SELECT * FROM audit_events WHERE chain = 'platform' ORDER BY seq`,
      );
      let prevHash = String(rows[0]?.hash);
      for (const row of rows.slice(1)) {
        const seq = Number(row.seq);
        const actor = seq === 2 ? 'someone else' : String(row.actor);
        const hash = auditEventHash({
          chain: 'platform',
          seq,
          occurredAt: new Date(row.occurred_at as string).toISOString(),
          organisationId: null,
          actorId: (row.actor_id as string | null) ?? null,
          actor,
          action: String(row.action),
          targetType: String(row.target_type),
          targetId: (row.target_id as string | null) ?? null,
          requestId: (row.request_id as string | null) ?? null,
          sourceIp: (row.source_ip as string | null) ?? null,
          beforeHash: (row.before_hash as string | null) ?? null,
          afterHash: (row.after_hash as string | null) ?? null,
          details: row.details as Record<string, unknown>,
          prevHash,
        });
        await tx.query(
          `UPDATE audit_events SET actor = $1, prev_hash = $2, hash = $3 WHERE chain = 'platform' AND seq = $4`,
          [actor, prevHash, hash, seq],
        );
        prevHash = hash;
      }
    });
    // The database alone cannot tell.
    const blind = await verifyAuditTrail(t.db);
    expect([blind.ok, blind.findings]).toEqual([true, []]);
    const anchored = await verifyAuditTrail(t.db, { anchors });
    expect([anchored.ok, anchored.findings, anchored.anchors?.findings]).toEqual([
      false,
      [],
      [
        {
          chain: 'platform',
          seq: 3,
          problem: 'anchor_mismatch',
          message: `event 3 of chain platform differs from the checkpoint of ${at(1).toISOString()}: the chain was rewritten at or before event 3`,
        },
        {
          chain: 'platform',
          seq: 5,
          problem: 'anchor_mismatch',
          message: `event 5 of chain platform differs from the checkpoint of ${at(4).toISOString()}: the chain was rewritten at or before event 5`,
        },
      ],
    ]);
    // A checkpoint never blesses the rewritten chain: its new events do not link to the last anchored hash.
    await append(1, 5);
    const refused = await writeAuditCheckpoint(t.db, anchors, at(6));
    expect([refused.written, refused.refused]).toEqual([
      [],
      [
        {
          chain: 'platform',
          message: 'chain platform not anchored: event 6 does not follow event 5 of chain platform',
        },
      ],
    ]);
  });

  it('fails a forged or altered checkpoint, an unreadable line, and a chain cut below a checkpoint', async () => {
    const text = await readFile(anchors.file, 'utf8');
    const [first, second] = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Moved to the rewritten chain's hash without the key: its signature no longer holds.
    const [row] = await t.db.query<{ hash: string }>(
      `SELECT hash FROM audit_events WHERE chain = 'platform' AND seq = 3`,
    );
    const forged = { ...first, hash: row?.hash };
    await writeFile(anchors.file, `${JSON.stringify(forged)}\nnot json\n${JSON.stringify(second)}\n`);
    const result = await verifyAuditTrail(t.db, { anchors });
    expect([result.ok, result.anchors?.findings.map((f) => [f.chain, f.seq, f.problem, f.message])]).toEqual([
      false,
      [
        ['*', 0, 'anchor_unreadable', 'line 2 of the anchor file is not a checkpoint'],
        [
          'platform',
          3,
          'anchor_forged',
          'line 1 of the anchor file (chain platform, seq 3) is not signed with the audit key: forged or altered',
        ],
        ['platform', 5, 'anchor_mismatch', expect.stringMatching(/^event 5 of chain platform differs/)],
      ],
    ]);
    const otherKey = await verifyAuditTrail(t.db, {
      anchors: { ...anchors, key: 'x'.repeat(32) },
      requireAnchors: true,
    });
    expect(otherKey.anchors?.findings.map((f) => [f.seq, f.problem])).toEqual([
      [0, 'anchor_unreadable'],
      [3, 'anchor_forged'],
      [5, 'anchor_forged'],
    ]);
    expect(otherKey.gaps.map((g) => g.problem)).toEqual(['no_anchors']);

    await writeFile(anchors.file, `${JSON.stringify(second)}\n`);
    await t.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.query(`DELETE FROM audit_events WHERE chain = 'platform' AND seq >= 5`);
    });
    const cut = await verifyAuditTrail(t.db, { anchors });
    expect([cut.ok, cut.findings, cut.anchors?.findings.map((f) => [f.seq, f.problem, f.message])]).toEqual([
      false,
      [],
      [
        [
          5,
          'anchor_missing_event',
          `chain platform has no event 5, which the checkpoint of ${at(4).toISOString()} recorded: events were removed`,
        ],
      ],
    ]);
  });
});
