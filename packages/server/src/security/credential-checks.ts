import { randomBytes } from 'node:crypto';
import { sessionCookie } from '../auth/session-cookies.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { userPassword } from '../testing/test-app.js';
import { answer, callOperation, requiredQuery, sampleBody } from './attack-request.js';
import type { AttackTally } from './attack-tally.js';
import type { AttackWorld } from './attack-world.js';
import type { ApiOperation } from './openapi-operations.js';

/**
 * (b) Every operation the document does not mark public refuses, with 401, a request without credentials, with a
 * forged Bearer token, with a forged session cookie (and a CSRF header to go with it), with an expired session and
 * with an expired API token.
 */
export async function credentialChecks(world: AttackWorld, ops: ApiOperation[], tally: AttackTally): Promise<void> {
  const { t, a, clock } = world;
  const app = t.app;
  const email = 'viewer@alpha.test';
  const expiring = await ApiCaller.login(app, email, userPassword);
  const token = expectStatus(await expiring.post('/api/auth/tokens', { name: 'expiring', expiresInDays: 1 }), 201);
  const expiringToken = expiring.withToken(token.token);
  const forgedToken = `fpt_${randomBytes(24).toString('base64url')}`;
  const forgedSession = randomBytes(32).toString('base64url');
  const variants: [string, ApiCaller][] = [
    ['no credentials', ApiCaller.anonymous(app)],
    ['a forged Bearer token', new ApiCaller(app, { token: forgedToken })],
    ['a forged session cookie', new ApiCaller(app, { session: forgedSession, csrf: forgedSession })],
    [
      "another token's prefix with a wrong secret",
      new ApiCaller(app, { token: `${token.token.slice(0, 12)}${'A'.repeat(token.token.length - 12)}` }),
    ],
  ];
  const guarded = ops.filter((o) => !o.public);
  const attempt = async (label: string, caller: ApiCaller) => {
    for (const op of guarded) {
      const res = await callOperation(caller, op, {
        path: (n) => a.ids[n] ?? n,
        query: requiredQuery(op),
        body: sampleBody(op),
      });
      tally.add('credentials', `${op.name} with ${label}`, res.statusCode === 401, answer(res));
    }
  };
  for (const [label, caller] of variants) await attempt(label, caller);
  // Past the session's maximum age and the token's expiry; the clock goes back afterwards for the other sessions.
  const ahead = (t.config.session.maxHours + 48) * 3_600_000;
  clock.advance(ahead);
  try {
    await attempt('an expired session', expiring);
    await attempt('an expired API token', expiringToken);
  } finally {
    clock.advance(-ahead);
  }
  tally.add('credentials', 'the session cookie is HttpOnly and SameSite=Strict', await sessionCookieIsStrict(world));
}

async function sessionCookieIsStrict(world: AttackWorld): Promise<boolean> {
  const res = await ApiCaller.anonymous(world.t.app).post('/api/auth/login', {
    email: 'viewer@alpha.test',
    password: userPassword,
  });
  const cookie = res.cookies.find((c) => c.name === sessionCookie);
  return Boolean(cookie && cookie.httpOnly === true && String(cookie.sameSite).toLowerCase() === 'strict');
}

/**
 * (c) Every state-changing operation the document does not mark public refuses a cookie session without its CSRF
 * header, and with a wrong one: 403 naming the CSRF token (tried as the super admin, who holds every permission, so
 * no permission refusal can answer first).
 */
export async function csrfChecks(world: AttackWorld, ops: ApiOperation[], tally: AttackTally): Promise<void> {
  const { root, a, t } = world;
  const session = root.credentials.session!;
  const withoutHeader = root.withoutCsrf();
  const wrongHeader = new ApiCaller(t.app, { session, csrf: randomBytes(24).toString('base64url') });
  for (const op of ops.filter((o) => o.stateChanging && !o.public)) {
    for (const [label, caller] of [
      ['without the CSRF header', withoutHeader],
      ['with a wrong CSRF header', wrongHeader],
    ] as const) {
      const res = await callOperation(caller, op, {
        path: (n) => a.ids[n] ?? n,
        query: requiredQuery(op),
        body: sampleBody(op),
      });
      const held = res.statusCode === 403 && /CSRF/.test(res.json().error?.message ?? '');
      tally.add('csrf', `${op.name} from a cookie session ${label}`, held, answer(res));
    }
  }
}
