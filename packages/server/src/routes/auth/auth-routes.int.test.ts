import { generateSync } from 'otplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiCaller, expectStatus } from '../../testing/api-client.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  TestClock,
  testAdmin,
  userPassword,
} from '../../testing/test-app.js';
import { describeEachDialect } from '../../testing/test-database.js';

const totpAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });

await describeEachDialect('identity', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let root: ApiCaller;
  const clock = new TestClock();

  /** Creates a user of the seeded organisation with the given roles. */
  async function user(email: string, roles: string[] = ['viewer']): Promise<string> {
    return expectStatus(
      await createOrgUser(org.admin, org.id, { email, displayName: email, password: userPassword, roles }),
      201,
    ).id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      now: clock.now,
      config: { login: { maxFailures: 3, lockoutMinutes: 15, attemptsPerMinute: 1000 } },
    });
    root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    org = await seedOrganisation(t.app, 'north', root);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with an httpOnly SameSite=Strict session cookie and a CSRF token', async () => {
    const res = await ApiCaller.anonymous(t.app).post('/api/auth/login', {
      email: 'ADMIN@north.test',
      password: userPassword,
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'ferry_session');
    const csrf = res.cookies.find((c) => c.name === 'ferry_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session?.value).toMatch(/^fs_[A-Za-z0-9_-]{43}$/);
    expect(csrf).toMatchObject({ sameSite: 'Strict', value: res.json().csrfToken });
    expect(csrf?.httpOnly).toBeUndefined();
    expect(res.json().user).toEqual({
      id: org.adminId,
      email: 'admin@north.test',
      displayName: 'north admin',
      organisationId: org.id,
      isSuperAdmin: false,
    });
    const me = expectStatus(await org.admin.get('/api/auth/me'), 200);
    expect(me).toMatchObject({ roles: ['org_admin'], via: 'session', mfaEnrolmentRequired: false });
    expect(me.permissions).toContain('users.manage');
    expect(me.permissions).not.toContain('platform.manage');
  });

  it('answers 401 without credentials and with a wrong password, the same for an unknown email', async () => {
    expect((await ApiCaller.anonymous(t.app).get('/api/auth/me')).json().error.code).toBe('FERRY_ERR_UNAUTHENTICATED');
    const wrong = await ApiCaller.anonymous(t.app).post('/api/auth/login', {
      email: 'admin@north.test',
      password: 'not the password',
    });
    const unknown = await ApiCaller.anonymous(t.app).post('/api/auth/login', {
      email: 'nobody@north.test',
      password: 'not the password',
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    await ApiCaller.login(t.app, 'admin@north.test', userPassword); // resets the failure count
  });

  it('refuses a state-changing cookie request without the CSRF header; a Bearer token needs none', async () => {
    const refused = await org.admin.withoutCsrf().post('/api/auth/tokens', { name: 'cli' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/CSRF token is missing or wrong/);
    const wrong = await new ApiCaller(t.app, { session: org.admin.credentials.session, csrf: 'fcsrf_nope' }).post(
      '/api/auth/tokens',
      { name: 'cli' },
    );
    expect(wrong.statusCode).toBe(403);
    const created = expectStatus(await org.admin.post('/api/auth/tokens', { name: 'cli', expiresInDays: 30 }), 201);
    expect(created.token).toMatch(/^fpt_/);
    const script = ApiCaller.anonymous(t.app).withToken(created.token);
    expect(expectStatus(await script.get('/api/auth/me'), 200).via).toBe('token');
    expectStatus(await script.post(`/api/orgs/${org.id}/workspaces`, { name: 'Scripted' }), 201);
    const listed = expectStatus(await org.admin.get('/api/auth/tokens'), 200);
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, name: 'cli', prefix: created.token.slice(0, 12), revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expectStatus(await org.admin.delete(`/api/auth/tokens/${created.id}`), 200);
    const revoked = await script.get('/api/auth/me');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.message).toBe('The API token was revoked');
  });

  it('throttles repeated failures with growing delays, the same for a real and an unknown account', async () => {
    await user('bob@north.test');
    const anonymous = ApiCaller.anonymous(t.app);
    const attempt = (email: string, password: string) => anonymous.post('/api/auth/login', { email, password });
    const answers = async (email: string) => {
      const out: string[] = [];
      for (const password of ['wrong one', 'wrong two', 'wrong three', 'wrong four', userPassword]) {
        const res = await attempt(email, password);
        out.push(`${res.statusCode} ${res.json().error?.message ?? 'ok'}`);
      }
      return out;
    };
    const expected = [
      '401 Wrong email or password',
      '401 Wrong email or password',
      '401 Wrong email or password',
      '429 Too many failed password attempts: try again in 1 seconds',
      '429 Too many failed password attempts: try again in 1 seconds',
    ];
    // First a real account, then an email nobody has: the answers cannot tell them apart.
    expect(await answers('bob@north.test')).toEqual(expected);
    expect(await answers('no.such.person@north.test')).toEqual(expected);
    const held = await attempt('bob@north.test', userPassword);
    expect(held.headers['retry-after']).toBe('1');
    // The delay doubles with each further failure, and the right password works once it has passed.
    clock.advance(1_000);
    expect((await attempt('bob@north.test', 'wrong five')).statusCode).toBe(401);
    expect((await attempt('bob@north.test', userPassword)).json().error.message).toBe(
      'Too many failed password attempts: try again in 2 seconds',
    );
    clock.advance(2_000);
    expect((await attempt('bob@north.test', userPassword)).statusCode).toBe(200);
    // No lock was set on the account: an attacker cannot lock anyone out.
    const bob = (await org.admin.get(`/api/orgs/${org.id}/users`))
      .json()
      .find((u: { email: string }) => u.email === 'bob@north.test');
    expect(bob.status).toBe('active');
    const events = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?targetId=${bob.id}`), 200);
    expect(events.items.map((e: { action: string }) => e.action)).toEqual([
      'auth.login',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.password_set_with_code',
      'user.create',
    ]);
  });

  it('counts wrong passwords on password change and TOTP disable towards the same throttle', async () => {
    await user('gwen@north.test');
    const gwen = await ApiCaller.login(t.app, 'gwen@north.test', userPassword);
    const change = (currentPassword: string) =>
      gwen.post('/api/auth/password', { currentPassword, newPassword: 'Heron-Copper-Violet-Ridge-3' });
    expect((await change('wrong one')).statusCode).toBe(401);
    expect((await gwen.post('/api/auth/totp/disable', { password: 'wrong two', totpCode: '123456' })).statusCode).toBe(
      401,
    );
    expect((await change('wrong three')).statusCode).toBe(401);
    const held = await change(userPassword);
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('FERRY_ERR_RATE_LIMITED');
    // Sign-in for the same account is held back too.
    expect(
      (await ApiCaller.anonymous(t.app).post('/api/auth/login', { email: 'gwen@north.test', password: userPassword }))
        .statusCode,
    ).toBe(429);
    clock.advance(1_000);
    expectStatus(await change(userPassword), 200);
  });

  it('slows brute force with a per-address rate limit on login', async () => {
    const limited = await createTestApp(dialect, {
      config: { login: { maxFailures: 100, lockoutMinutes: 1, attemptsPerMinute: 3 } },
    });
    try {
      const anonymous = ApiCaller.anonymous(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await anonymous.post('/api/auth/login', { email: 'x@y.test', password: 'guess' })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await anonymous.post('/api/auth/login', { email: 'x@y.test', password: 'guess' });
      expect(res.json().error.code).toBe('FERRY_ERR_RATE_LIMITED');
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  it('ends sessions on an admin lock, and a reset revokes every session and token', async () => {
    const carolId = await user('carol@north.test');
    const carol = await ApiCaller.login(t.app, 'carol@north.test', userPassword);
    const token = expectStatus(await carol.post('/api/auth/tokens', { name: 'laptop' }), 201).token;
    expectStatus(await org.admin.post(`/api/orgs/${org.id}/users/${carolId}/lock`), 200);
    expect((await carol.get('/api/auth/me')).json().error.message).toBe('The account is locked');
    const refused = await ApiCaller.anonymous(t.app).post('/api/auth/login', {
      email: 'carol@north.test',
      password: userPassword,
    });
    expect(refused.statusCode).toBe(423);
    expectStatus(await org.admin.post(`/api/orgs/${org.id}/users/${carolId}/unlock`), 200);
    expect((await carol.get('/api/auth/me')).statusCode).toBe(200);
    const reset = expectStatus(await org.admin.post(`/api/orgs/${org.id}/users/${carolId}/reset`, {}), 200);
    expect(reset).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    expect((await carol.get('/api/auth/me')).json().error.message).toBe('The session was ended; sign in again');
    expect((await carol.withToken(token).get('/api/auth/me')).statusCode).toBe(401);
    const self = await org.admin.post(`/api/orgs/${org.id}/users/${org.adminId}/lock`);
    expect(self.json().error.code).toBe('FERRY_ERR_SEPARATION_OF_DUTIES');
  });

  it('enforces the password policy and changes a password, ending the other sessions', async () => {
    const created = expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/users`, {
        email: 'erin@north.test',
        displayName: 'Erin',
        roles: ['viewer'],
      }),
      201,
    );
    const weak = await ApiCaller.anonymous(t.app).post('/api/auth/password/set', {
      code: created.setPasswordCode.code,
      newPassword: 'erin2024',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toBe(
      'field newPassword: The new password is shorter than 12 characters, contains the account name',
    );
    expectStatus(
      await ApiCaller.anonymous(t.app).post('/api/auth/password/set', {
        code: created.setPasswordCode.code,
        newPassword: userPassword,
      }),
      200,
    );
    const first = await ApiCaller.login(t.app, 'erin@north.test', userPassword);
    const second = await ApiCaller.login(t.app, 'erin@north.test', userPassword);
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: 'wrong password',
          newPassword: 'another long phrase here',
        })
      ).statusCode,
    ).toBe(401);
    expectStatus(
      await first.post('/api/auth/password', {
        currentPassword: userPassword,
        newPassword: 'another long phrase here',
      }),
      200,
    );
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    await ApiCaller.login(t.app, 'erin@north.test', 'another long phrase here');
  });

  it('turns registration requests into accounts only when an org admin approves them', async () => {
    const anonymous = ApiCaller.anonymous(t.app);
    const ask = (email: string) =>
      anonymous.post('/api/auth/register', {
        organisation: 'north',
        email,
        displayName: 'New Person',
        password: userPassword,
      });
    expect((await ask('frank@north.test')).statusCode).toBe(202);
    expect((await ask('grace@north.test')).statusCode).toBe(202);
    expect((await ask('admin@north.test')).statusCode).toBe(202); // known email: same answer, no request
    // A known and an unknown organisation answer alike: registration does not reveal which slugs exist.
    const known = await ask('ivan@north.test');
    const unknown = await anonymous.post('/api/auth/register', {
      organisation: 'nowhere',
      email: 'h@x.test',
      displayName: 'H',
      password: userPassword,
    });
    expect([unknown.statusCode, unknown.body]).toEqual([known.statusCode, known.body]);
    expect(unknown.json()).toEqual({ status: 'pending' });
    expect(
      (await anonymous.post('/api/auth/login', { email: 'frank@north.test', password: userPassword })).statusCode,
    ).toBe(401);
    const pending = expectStatus(await org.admin.get(`/api/orgs/${org.id}/registrations`), 200);
    expect(pending.map((r: { email: string }) => r.email)).toEqual([
      'frank@north.test',
      'grace@north.test',
      'ivan@north.test',
    ]);
    const [frank, grace] = pending;
    const approved = expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/registrations/${frank.id}/approve`, { roles: ['mapping_analyst'] }),
      201,
    );
    expect(approved).toMatchObject({ email: 'frank@north.test', roles: ['mapping_analyst'], status: 'active' });
    expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/registrations/${grace.id}/reject`, { note: 'not on the programme' }),
      200,
    );
    expect((await org.admin.post(`/api/orgs/${org.id}/registrations/${grace.id}/approve`, {})).statusCode).toBe(409);
    await ApiCaller.login(t.app, 'frank@north.test', userPassword);
    expect(
      (await anonymous.post('/api/auth/login', { email: 'grace@north.test', password: userPassword })).statusCode,
    ).toBe(401);
  });

  it('adds a TOTP second factor: login then needs a fresh code, and a used code is refused', async () => {
    await user('heidi@north.test');
    const heidi = await ApiCaller.login(t.app, 'heidi@north.test', userPassword);
    const { secret, uri } = expectStatus(await heidi.post('/api/auth/totp/setup'), 200);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Ferry:heidi%40north\.test\?/);
    expect((await heidi.post('/api/auth/totp/enable', { code: '000000' })).statusCode).toBe(400);
    expectStatus(await heidi.post('/api/auth/totp/enable', { code: totpAt(secret, clock.now()) }), 200);
    clock.advance(60_000);
    const anonymous = ApiCaller.anonymous(t.app);
    const noCode = await anonymous.post('/api/auth/login', { email: 'heidi@north.test', password: userPassword });
    expect(noCode.json().error.code).toBe('FERRY_ERR_MFA_REQUIRED');
    const code = totpAt(secret, clock.now());
    await ApiCaller.login(t.app, 'heidi@north.test', userPassword, code);
    const replay = await anonymous.post('/api/auth/login', {
      email: 'heidi@north.test',
      password: userPassword,
      totpCode: code,
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.message).toBe('Wrong or reused TOTP code');

    // Turning TOTP off needs a session (not an API token), the password and a current code.
    clock.advance(30_000);
    const session = await ApiCaller.login(t.app, 'heidi@north.test', userPassword, totpAt(secret, clock.now()));
    const token = expectStatus(await session.post('/api/auth/tokens', { name: 'script' }), 201).token;
    clock.advance(30_000);
    const viaToken = await session
      .withToken(token)
      .post('/api/auth/totp/disable', { password: userPassword, totpCode: totpAt(secret, clock.now()) });
    expect(viaToken.statusCode).toBe(403);
    const wrongCode = await session.post('/api/auth/totp/disable', { password: userPassword, totpCode: '000000' });
    expect(wrongCode.json().error.message).toMatch(/Wrong or reused TOTP code$/);
    const missingCode = await session.post('/api/auth/totp/disable', { password: userPassword });
    expect(missingCode.statusCode).toBe(400);
    expectStatus(
      await session.post('/api/auth/totp/disable', { password: userPassword, totpCode: totpAt(secret, clock.now()) }),
      200,
    );
  });

  it('enforces TOTP per organisation: members without it may only enrol', async () => {
    const south = await seedOrganisation(t.app, 'south', root);
    const ivanId = expectStatus(
      await createOrgUser(south.admin, south.id, {
        email: 'ivan@south.test',
        displayName: 'Ivan',
        password: userPassword,
        roles: ['viewer'],
      }),
      201,
    ).id;
    // Ivan signs in before the organisation requires TOTP: that session loses full access when it does.
    const ivan = await ApiCaller.login(t.app, 'ivan@south.test', userPassword);
    expect((await ivan.get('/api/projects')).statusCode).toBe(200);
    expectStatus(await south.admin.patch(`/api/orgs/${south.id}`, { requireTotp: true }), 200);
    expect(expectStatus(await ivan.get('/api/auth/me'), 200).mfaEnrolmentRequired).toBe(true);
    const blocked = await ivan.get('/api/projects');
    expect(blocked.json().error.code).toBe('FERRY_ERR_MFA_REQUIRED');
    const { secret } = expectStatus(await ivan.post('/api/auth/totp/setup'), 200);
    expectStatus(await ivan.post('/api/auth/totp/enable', { code: totpAt(secret, clock.now()) }), 200);
    expect((await ivan.get('/api/projects')).statusCode).toBe(200);
    clock.advance(30_000);
    const disable = await ivan.post('/api/auth/totp/disable', {
      password: userPassword,
      totpCode: totpAt(secret, clock.now()),
    });
    expect(disable.json().error.code).toBe('FERRY_ERR_CONFLICT');
    expect(ivanId).toBeTruthy();
  });

  it('ends a session left idle longer than the idle timeout', async () => {
    await user('dave@north.test');
    const dave = await ApiCaller.login(t.app, 'dave@north.test', userPassword);
    clock.advance(29 * 60_000);
    expect((await dave.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const res = await dave.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('The session expired; sign in again');
  });
});
