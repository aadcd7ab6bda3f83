import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { createTestApp, type TestApp, testAdmin } from '../testing/test-app.js';
import { pgliteDialect } from '../testing/test-database.js';

/**
 * Many users behind one address (a Trust's proxy) each have their own request budget; anonymous calls share their
 * address's. First two API tokens spend their budgets from the same address, then anonymous calls spend the address's.
 */
describe('rate limit per credential [pglite]', () => {
  let t: TestApp;
  let root: ApiCaller;

  beforeAll(async () => {
    t = await createTestApp(pgliteDialect, { config: { rateLimitPerMinute: 5 } });
    root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
  });
  afterAll(async () => t?.close());

  const statuses = async (caller: ApiCaller, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await caller.get('/api/auth/me')).statusCode);
    return out;
  };

  it('gives each token its own budget from one address, and anonymous callers the address budget', async () => {
    const one = root.withToken(expectStatus(await root.post('/api/auth/tokens', { name: 'one' }), 201).token);
    const two = root.withToken(expectStatus(await root.post('/api/auth/tokens', { name: 'two' }), 201).token);
    expect(await statuses(one, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses(two, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses(ApiCaller.anonymous(t.app), 6)).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
