import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  TestClock,
  testAdmin,
  userPassword,
} from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';

await describeEachDialect('separation of duties', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let root: ApiCaller;
  const clock = new TestClock();

  async function member(email: string, roles: string[]): Promise<{ id: string; caller: ApiCaller }> {
    const id = expectStatus(
      await createOrgUser(org.admin, org.id, { email, displayName: email, password: userPassword, roles }),
      201,
    ).id;
    return { id, caller: await ApiCaller.login(t.app, email, userPassword) };
  }
  const audit = async (action: string) =>
    expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=${action}`), 200).items;
  const matrix = async () => expectStatus(await org.admin.get(`/api/orgs/${org.id}/roles`), 200).roles;
  const myPermissions = async (who: ApiCaller): Promise<string[]> =>
    expectStatus(await who.get('/api/auth/me'), 200).permissions;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      now: clock.now,
      config: { login: { maxFailures: 3, lockoutMinutes: 15, attemptsPerMinute: 1000 } },
    });
    root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    org = await seedOrganisation(t.app, 'sod', root);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses, and audits, an admin granting a permission to a role they hold; removing one stays allowed', async () => {
    const before = (await matrix()).org_admin;
    const grab = await org.admin.put(`/api/orgs/${org.id}/roles/org_admin`, {
      permissions: [...before, 'gate.decide'],
    });
    expect(grab.statusCode).toBe(403);
    expect(grab.json().error).toMatchObject({
      code: 'FERRY_ERR_SEPARATION_OF_DUTIES',
      message: 'You hold the org_admin role, so you cannot grant it gate.decide: another administrator must',
    });
    expect((await matrix()).org_admin).toEqual(before);
    expect(await myPermissions(org.admin)).not.toContain('gate.decide');
    const refused = await audit('role.permissions_set_refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      actorId: org.adminId,
      targetType: 'role',
      targetId: 'org_admin',
      details: { reason: 'separation_of_duties', added: ['gate.decide'] },
    });
    const fewer = before.filter((p: string) => p !== 'documents.write');
    expect(
      expectStatus(await org.admin.put(`/api/orgs/${org.id}/roles/org_admin`, { permissions: fewer }), 200).roles
        .org_admin,
    ).toEqual(fewer);
    // Putting back what was just removed is a grant too.
    const back = await org.admin.put(`/api/orgs/${org.id}/roles/org_admin`, { permissions: before });
    expect(back.json().error.code).toBe('FERRY_ERR_SEPARATION_OF_DUTIES');
  });

  it('never lets a permission count for the admin who granted it, even once they hold the role', async () => {
    // Alice (an admin) gives the viewer role gate.decide, then Bob (another admin) makes Alice a viewer too.
    const alice = await member('alice@sod.test', ['org_admin']);
    const bob = await member('bob@sod.test', ['org_admin']);
    const viewer = await member('vera@sod.test', ['viewer']);
    const viewerPermissions = (await matrix()).viewer;
    expectStatus(
      await alice.caller.put(`/api/orgs/${org.id}/roles/viewer`, {
        permissions: [...viewerPermissions, 'gate.decide'],
      }),
      200,
    );
    expectStatus(
      await bob.caller.put(`/api/orgs/${org.id}/users/${alice.id}/roles`, { roles: ['org_admin', 'viewer'] }),
      200,
    );
    expect(await myPermissions(viewer.caller)).toContain('gate.decide');
    expect(await myPermissions(alice.caller)).not.toContain('gate.decide');
    const decide = await alice.caller.post('/api/runs/00000000-0000-4000-8000-000000000000/gate/decision', {
      decision: 'no_go',
    });
    expect(decide.json().error).toMatchObject({
      code: 'FERRY_ERR_FORBIDDEN',
      message: 'This needs the gate.decide permission',
    });
    // A permission the org started with, or one another admin granted, counts as before.
    expect(await myPermissions(alice.caller)).toContain('project.read');
    expectStatus(await bob.caller.put(`/api/orgs/${org.id}/roles/viewer`, { permissions: viewerPermissions }), 200);
    expectStatus(
      await bob.caller.put(`/api/orgs/${org.id}/roles/viewer`, { permissions: [...viewerPermissions, 'gate.decide'] }),
      200,
    );
    expect(await myPermissions(alice.caller)).toContain('gate.decide');
    expectStatus(await bob.caller.put(`/api/orgs/${org.id}/roles/viewer`, { permissions: viewerPermissions }), 200);
  });

  it('audits an admin refused an action on their own account', async () => {
    const self = await org.admin.post(`/api/orgs/${org.id}/users/${org.adminId}/reset`, { resetPassword: true });
    expect(self.json().error.code).toBe('FERRY_ERR_SEPARATION_OF_DUTIES');
    const refused = await audit('user.reset_refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ actorId: org.adminId, targetId: org.adminId });
  });

  it('creates accounts without a password: the user sets their own with a one-time code', async () => {
    const typed = await org.admin.post(`/api/orgs/${org.id}/users`, {
      email: 'daniel@sod.test',
      displayName: 'Daniel',
      password: userPassword,
      roles: ['cutover_manager'],
    });
    expect(typed.statusCode).toBe(400);
    const created = expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/users`, {
        email: 'daniel@sod.test',
        displayName: 'Daniel',
        roles: ['cutover_manager'],
      }),
      201,
    );
    expect(created).toMatchObject({ email: 'daniel@sod.test', roles: ['cutover_manager'], status: 'active' });
    expect(created.setPasswordCode).toEqual({
      code: expect.stringMatching(/^fpc_[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(clock.now().getTime() + 24 * 3_600_000).toISOString(),
      purpose: 'initial',
    });
    const anonymous = ApiCaller.anonymous(t.app);
    const { code } = created.setPasswordCode;
    const weak = await anonymous.post('/api/auth/password/set', { code, newPassword: 'daniel2024' });
    expect(weak.json().error.message).toBe(
      'field newPassword: The new password is shorter than 12 characters, contains the account name',
    );
    expect(
      expectStatus(
        await anonymous.post('/api/auth/password/set', { code, newPassword: 'a phrase only he knows' }),
        200,
      ),
    ).toEqual({ email: 'daniel@sod.test' });
    await ApiCaller.login(t.app, 'daniel@sod.test', 'a phrase only he knows');
    const again = await anonymous.post('/api/auth/password/set', { code, newPassword: 'another phrase of mine' });
    expect(again.statusCode).toBe(401);
    const used = await audit('auth.password_set_with_code');
    expect(used.filter((e: { targetId: string }) => e.targetId === created.id)).toHaveLength(1);
    expect(used.find((e: { targetId: string }) => e.targetId === created.id)).toMatchObject({
      actor: 'daniel@sod.test',
      targetId: created.id,
      details: { purpose: 'initial', issuedBy: org.adminId, sessionsEnded: 0, tokensRevoked: 0 },
    });
  });

  it('resets a password by a one-time code, never one the admin types, ending sessions and tokens', async () => {
    const carol = await member('carol@sod.test', ['cutover_manager']);
    const token = expectStatus(await carol.caller.post('/api/auth/tokens', { name: 'laptop' }), 201).token;
    const typed = await org.admin.post(`/api/orgs/${org.id}/users/${carol.id}/reset`, {
      newPassword: 'the admin chose this one',
    });
    expect(typed.statusCode).toBe(400);
    expect((await carol.caller.get('/api/auth/me')).statusCode).toBe(200);

    const reset = expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/users/${carol.id}/reset`, { resetPassword: true }),
      200,
    );
    expect(reset).toMatchObject({ sessionsEnded: 1, tokensRevoked: 1, setPasswordCode: { purpose: 'reset' } });
    expect((await carol.caller.get('/api/auth/me')).statusCode).toBe(401);
    expect((await carol.caller.withToken(token).get('/api/auth/me')).statusCode).toBe(401);
    const anonymous = ApiCaller.anonymous(t.app);
    // The old password stops working at once.
    expect(
      (await anonymous.post('/api/auth/login', { email: 'carol@sod.test', password: userPassword })).statusCode,
    ).toBe(401);

    // A second reset replaces the first code; a code expires after 24 hours.
    const first = reset.setPasswordCode.code;
    const second = expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/users/${carol.id}/reset`, { resetPassword: true }),
      200,
    ).setPasswordCode.code;
    const newPassword = 'she picks her own phrase';
    expect((await anonymous.post('/api/auth/password/set', { code: first, newPassword })).statusCode).toBe(401);
    clock.advance(24 * 3_600_000 + 1000);
    const admin = await ApiCaller.login(t.app, 'admin@sod.test', userPassword); // the old session expired meanwhile
    org = { ...org, admin };
    const expired = await anonymous.post('/api/auth/password/set', { code: second, newPassword });
    expect(expired.json().error).toMatchObject({
      code: 'FERRY_ERR_UNAUTHENTICATED',
      message: 'field code: The code is not valid, was already used or has expired: ask an administrator for a new one',
    });
    const third = expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/users/${carol.id}/reset`, { resetPassword: true }),
      200,
    ).setPasswordCode.code;
    expectStatus(await anonymous.post('/api/auth/password/set', { code: third, newPassword }), 200);
    await ApiCaller.login(t.app, 'carol@sod.test', newPassword);
    const resets = await audit('user.reset');
    expect(resets[0]).toMatchObject({ targetId: carol.id, details: { passwordReset: true, totpReset: false } });
  });

  it('throttles guessing codes like sign-in', async () => {
    // From an address of its own: each guess is a different code, so only the address's count grows
    // (10 x maxFailures = 30 free failures, then a growing delay).
    const guess = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password/set',
        remoteAddress: '203.0.113.7',
        payload: { code: `fpc_guess${n}`, newPassword: 'whatever phrase it is' },
      });
    for (let n = 0; n < 30; n++) expect((await guess(n)).statusCode).toBe(401);
    const held = await guess(30);
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('FERRY_ERR_RATE_LIMITED');
    expect(held.headers['retry-after']).toBe('1');
    // Another address is not held back.
    const other = await ApiCaller.anonymous(t.app).post('/api/auth/password/set', {
      code: 'fpc_guess31',
      newPassword: 'whatever phrase it is',
    });
    expect(other.statusCode).toBe(401);
  });
});
