import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiCaller } from '../testing/api-client.js';
import { createTestApp, type SeededOrg, seedOrganisation, type TestApp, testAdmin } from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[] };
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const isString = (s: Schema | undefined): boolean =>
  !!s && ([s.type].flat().includes('string') || !!s.anyOf?.some(isString) || !!s.oneOf?.some(isString));

/** URL-encodes text; a lone surrogate (which has no UTF-8 form) goes as the bytes a hostile client would send. */
const enc = (v: string) => v.split('\uD800').map(encodeURIComponent).join('%ED%A0%80');

const hostile = {
  nul: 'a\u0000b',
  'lone surrogate': 'a\uD800b',
  overlong: 'x'.repeat(200_000),
};

/**
 * Every string field of every operation in the OpenAPI document, sent a NUL, a lone surrogate and a 200,000-character
 * string by a signed-in org admin: each answer is a 4xx problem (or a success), never a 500.
 */
await describeEachDialect('hostile text in every string field', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let root: ApiCaller;

  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { rateLimitPerMinute: 1_000_000 } });
    root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    org = await seedOrganisation(t.app, 'north', root);
  });
  afterAll(async () => t?.close());

  it('answers 4xx (never 500) to NULs, lone surrogates and overlong strings', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const idFor = (name: string) =>
      name === 'orgId' ? org.id : name === 'workspaceId' ? org.workspaceId : '3f1b7a0e-0000-4000-8000-000000000000';
    const failures: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      if (!path.startsWith('/api') || path.startsWith('/api/auth/logout')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        const queryStrings = params.filter((p) => p.in === 'query' && isString(p.schema));
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const bodyStrings = Object.entries(bodySchema?.properties ?? {}).filter(([, s]) => isString(s));
        const url = (value?: string, target?: string) =>
          path.replace(/\{(\w+)\}/g, (_, name: string) =>
            enc(name === target && value !== undefined ? value : idFor(name)),
          );
        for (const [kind, value] of Object.entries(hostile)) {
          const attempts: { where: string; url: string; body?: Record<string, string> }[] = [];
          for (const p of pathParams) attempts.push({ where: `path ${p.name}`, url: url(value, p.name) });
          for (const q of queryStrings)
            attempts.push({ where: `query ${q.name}`, url: `${url()}?${q.name}=${enc(value)}` });
          for (const [field] of bodyStrings) {
            const body = Object.fromEntries(bodyStrings.map(([f]) => [f, f === field ? value : 'x']));
            attempts.push({ where: `body ${field}`, url: url(), body });
          }
          for (const a of attempts) {
            if (kind === 'overlong' && a.where.startsWith('path')) continue; // a 200 KB URL is refused by the server
            const m = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
            const res = await root.request(m, a.url, a.body ?? (m === 'GET' || m === 'DELETE' ? undefined : {}));
            sent++;
            if (res.statusCode >= 500)
              failures.push(`${method.toUpperCase()} ${path} ${a.where} (${kind}): ${res.statusCode}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(failures).toEqual([]);
  });
});
