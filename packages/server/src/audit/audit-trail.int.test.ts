import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantTransaction } from '../db/tenant-transaction.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { createTestApp, type SeededOrg, seedOrganisation, type TestApp, testAdmin } from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';
import { writeAuditCheckpoint } from './audit-anchors.js';
import { auditEventHash } from './audit-hash.js';
import { verifyAuditChains } from './audit-verifier.js';

/**
 * The audit trail is append-only and hash-chained per organisation (invariant 7): the application role cannot
 * change or remove an event, the database refuses it even to the owner, and an edit or a removal made around the
 * trigger (as a superuser can) is found by verify, through the library, the API and the CLI's function.
 */
await describeEachDialect('audit trail', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrganisation(t.app, 'audited');
    for (const name of ['One', 'Two', 'Three'])
      expectStatus(await org.admin.post(`/api/orgs/${org.id}/workspaces`, { name }), 201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const asApp = <T>(fn: Parameters<typeof tenantTransaction<T>>[2]) =>
    tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, fn);

  it('records each state change with actor, organisation, action, target, time, request id, source address and state hashes', async () => {
    const page = expectStatus(
      await org.admin.get(`/api/orgs/${org.id}/audit?action=workspace.*&pageSize=2&page=1`),
      200,
    );
    expect(page).toMatchObject({ page: 1, pageSize: 2, total: 4 });
    const [latest] = page.items;
    expect(latest).toMatchObject({
      organisationId: org.id,
      actor: 'admin@audited.test',
      actorId: org.adminId,
      action: 'workspace.create',
      targetType: 'workspace',
      targetId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sourceIp: '127.0.0.1',
      beforeHash: null,
      afterHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Date.parse(latest.occurredAt)).not.toBeNaN();
    const { prevHash, hash, ...fields } = latest;
    expect(auditEventHash({ ...fields, chain: org.id, prevHash })).toBe(hash);
    const second = expectStatus(
      await org.admin.get(`/api/orgs/${org.id}/audit?action=workspace.*&pageSize=2&page=2`),
      200,
    );
    const seqs = [...page.items, ...second.items].map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(new Set(seqs).size).toBe(4);
    const byActor = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?actor=admin@ferry.local`), 200);
    expect(byActor.items.every((e: { actor: string }) => e.actor === 'admin@ferry.local')).toBe(true);
  });

  it('lists the actions the trail holds, with their counts, for the explorer to offer', async () => {
    const { actions } = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/actions`), 200);
    expect(actions).toContainEqual({ action: 'workspace.create', events: 4 });
    const names = actions.map((a: { action: string }) => a.action);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it('exports the filtered trail as CSV and JSON, and records the export', async () => {
    const csv = await org.admin.get(`/api/orgs/${org.id}/audit/export?action=workspace.create&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="audit-${org.id}.csv"`);
    const lines = csv.body.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'seq,occurredAt,actor,actorId,action,targetType,targetId,requestId,sourceIp,beforeHash,afterHash,details,prevHash,hash',
    );
    expect(lines).toHaveLength(5);
    const json = await org.admin.get(`/api/orgs/${org.id}/audit/export?action=workspace.create&format=json`);
    expect(json.json().map((e: { action: string }) => e.action)).toEqual(Array(4).fill('workspace.create'));
    const exports = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=audit.export`), 200);
    expect(exports.items.map((e: { details: { format: string } }) => e.details.format)).toEqual(['json', 'csv']);
  });

  it('refuses UPDATE, DELETE and TRUNCATE by the application role (no grant) and by the owner (trigger)', async () => {
    await expect(asApp((tx) => tx.run.query(`UPDATE audit_events SET actor = 'someone else'`))).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp((tx) => tx.run.query('DELETE FROM audit_events'))).rejects.toThrow(/permission denied/);
    await expect(asApp((tx) => tx.run.query('TRUNCATE audit_events'))).rejects.toThrow(/permission denied/);
    const [grants] = await t.database.db.query<{ u: boolean; d: boolean; i: boolean }>(
      `SELECT has_table_privilege('ferry_app', 'audit_events', 'UPDATE') AS u, has_table_privilege('ferry_app', 'audit_events', 'DELETE') AS d,
              has_table_privilege('ferry_app', 'audit_events', 'INSERT') AS i`,
    );
    expect(grants).toEqual({ u: false, d: false, i: true });
    await expect(t.database.db.query(`UPDATE audit_events SET actor = 'x'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(t.database.db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.database.db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/verify`), 200)).toMatchObject({
      ok: true,
      findings: [],
    });
  });

  it('compares the chain with its signed checkpoints, and reports the events after the last one unproven', async () => {
    const none = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/verify`), 200);
    expect([none.ok, none.anchors.anchored, none.anchors.unproven.map((u: { fromSeq: number }) => u.fromSeq)]).toEqual([
      true,
      false,
      [1],
    ]);
    // In production a trail with no checkpoint at all is not verified.
    const settings = t.app.platform.config.auditAnchors;
    settings.production = true;
    try {
      expect(expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/verify`), 200).ok).toBe(false);
    } finally {
      settings.production = false;
    }
    const { written } = await writeAuditCheckpoint(t.database.db, t.config.auditAnchors, new Date());
    const head = written.find((a) => a.chain === org.id)?.seq ?? 0;
    expect(head).toBeGreaterThan(4);
    const anchored = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/verify`), 200);
    expect([anchored.ok, anchored.anchors]).toEqual([true, { anchored: true, findings: [], unproven: [] }]);
    expectStatus(await org.admin.post(`/api/orgs/${org.id}/workspaces`, { name: 'Four' }), 201);
    const later = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/verify`), 200);
    expect(later.anchors.unproven).toEqual([
      {
        chain: org.id,
        fromSeq: head + 1,
        toSeq: head + 1,
        message: `chain ${org.id}: events ${head + 1} to ${head + 1} unproven (after the last checkpoint at seq ${head})`,
      },
    ]);
    // A checkpoint altered without the key fails verify.
    const lines = (await readFile(t.config.auditAnchors.file, 'utf8')).trimEnd().split('\n');
    const forged = lines.map((l) => {
      const a = JSON.parse(l);
      return JSON.stringify(a.chain === org.id ? { ...a, seq: a.seq + 1 } : a);
    });
    await writeFile(t.config.auditAnchors.file, `${forged.join('\n')}\n`);
    const tampered = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/verify`), 200);
    expect([tampered.ok, tampered.anchors.findings.map((f: { problem: string }) => f.problem)]).toEqual([
      false,
      ['anchor_forged'],
    ]);
    await writeFile(t.config.auditAnchors.file, `${lines.join('\n')}\n`);
  });

  it('finds an event a superuser edited around the trigger, and one removed from the middle of a chain', async () => {
    const before = await verifyAuditChains(t.database.db);
    expect(before.ok).toBe(true);
    expect(before.chains.map((c) => c.chain).sort()).toEqual([org.id, 'platform'].sort());
    // A superuser can switch triggers off for a session; the chain still gives the edit away.
    await t.database.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.query(`UPDATE audit_events SET target_id = 'tampered' WHERE chain = $1 AND seq = 3`, [org.id]);
      await tx.query(`DELETE FROM audit_events WHERE chain = $1 AND seq = 5`, [org.id]);
    });
    const after = await verifyAuditChains(t.database.db);
    expect(after.ok).toBe(false);
    expect(after.findings).toEqual([
      {
        chain: org.id,
        seq: 3,
        problem: 'hash_mismatch',
        message: `event 3 of chain ${org.id} was changed after it was written`,
      },
      { chain: org.id, seq: 6, problem: 'missing_event', message: `event 5 to 5 of chain ${org.id} is missing` },
    ]);
    const api = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit/verify`), 200);
    expect(api.ok).toBe(false);
    expect(api.findings.map((f: { seq: number }) => f.seq)).toEqual([3, 6]);
    const root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    const platform = expectStatus(await root.get('/api/audit/verify'), 200);
    expect(platform.ok).toBe(false);
    expect(platform.chains.map((c: { chain: string }) => c.chain)).toContain('platform');
  });
});
