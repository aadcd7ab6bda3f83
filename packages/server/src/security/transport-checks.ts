import type { ApiResponse } from '../testing/api-client.js';
import { answer, requiredQuery, sampleBody } from './attack-request.js';
import type { AttackTally } from './attack-tally.js';
import type { AttackWorld } from './attack-world.js';
import { type ApiOperation, fillPath } from './openapi-operations.js';

const evilOrigin = 'https://evil.example';
const unknownId = '00000000-0000-4000-8000-000000000000';

/** What every answer must carry, and must not: each a name and a test of the headers. */
const headerRules: [string, (h: ApiResponse['headers']) => boolean][] = [
  [
    "a CSP of default-src 'self' and frame-ancestors 'none'",
    (h) =>
      /default-src 'self'/.test(String(h['content-security-policy'])) &&
      /frame-ancestors 'none'/.test(String(h['content-security-policy'])),
  ],
  ['X-Content-Type-Options nosniff', (h) => h['x-content-type-options'] === 'nosniff'],
  ['X-Frame-Options', (h) => ['DENY', 'SAMEORIGIN'].includes(String(h['x-frame-options']))],
  ['HSTS', (h) => /^max-age=\d+/.test(String(h['strict-transport-security']))],
  ['Referrer-Policy no-referrer', (h) => h['referrer-policy'] === 'no-referrer'],
  ['no X-Powered-By', (h) => h['x-powered-by'] === undefined],
  [
    'no cross-origin grant',
    (h) => h['access-control-allow-origin'] === undefined && h['access-control-allow-credentials'] === undefined,
  ],
];

const apiRules: [string, (h: ApiResponse['headers']) => boolean][] = [
  [
    'Cache-Control no-store (or no-cache for a live stream)',
    (h) => /no-store|no-cache/.test(String(h['cache-control'])),
  ],
];

function checkHeaders(tally: AttackTally, what: string, res: ApiResponse, api: boolean, csp = true): void {
  const rules = [...headerRules, ...(api ? apiRules : [])].filter(([name]) => csp || !name.startsWith('a CSP'));
  const missing = rules.filter(([, ok]) => !ok(res.headers)).map(([n]) => n);
  tally.add(
    'transport',
    `${what} carries the security headers`,
    missing.length === 0,
    `missing: ${missing.join(', ')}; ${answer(res)}`,
  );
}

/**
 * (f) Every operation's answer (called by the super admin with an unknown id, from a foreign Origin) carries the
 * security headers, is not cached, and grants no cross-origin access; so do errors, the docs and the web UI; a CORS
 * preflight from a foreign origin is granted nothing.
 */
export async function transportChecks(world: AttackWorld, ops: ApiOperation[], tally: AttackTally): Promise<void> {
  const { root, t } = world;
  for (const op of ops.filter((o) => o.path !== '/api/auth/logout')) {
    const query = new URLSearchParams(requiredQuery(op)).toString();
    const url = `${fillPath(op.path, () => unknownId)}${query ? `?${query}` : ''}`;
    const res = await root.request(op.method, url, sampleBody(op), { origin: evilOrigin });
    checkHeaders(tally, op.name, res, true);
  }
  for (const url of ['/health', '/docs/json', '/', '/api/no-such-route']) {
    const res = (await t.app.inject({ method: 'GET', url, headers: { origin: evilOrigin } })) as unknown as ApiResponse;
    // The OpenAPI JSON is no page a browser renders (swagger-ui's explorer page carries its own policy).
    checkHeaders(tally, `GET ${url}`, res, url.startsWith('/api'), url !== '/docs/json');
  }
  for (const url of ['/api/orgs', '/api/auth/login', `/api/projects/${world.a.ids.projectId}/runs`]) {
    const res = (await t.app.inject({
      method: 'OPTIONS',
      url,
      headers: {
        origin: evilOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-ferry-csrf',
      },
    })) as unknown as ApiResponse;
    const granted = Object.keys(res.headers).filter((h) => h.startsWith('access-control-allow'));
    tally.add(
      'transport',
      `a CORS preflight from ${evilOrigin} to ${url} is granted nothing`,
      granted.length === 0 && res.statusCode >= 400,
      `${answer(res)} granted: ${granted.join(', ')}`,
    );
  }
}
