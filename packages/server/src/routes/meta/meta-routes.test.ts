import { afterAll, beforeAll, expect, it } from 'vitest';
import { serverVersion } from '../../meta/version-manifest.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { describeEachDialect } from '../../testing/test-database.js';

await describeEachDialect('meta routes', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /health answers ok with the security headers set', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('GET /ready is ready on a migrated schema whose application role cannot bypass RLS', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.json()).toEqual({
      status: 'ready',
      checks: { database: true, migrations: true, appRole: true },
      problems: [],
    });
    expect(res.statusCode).toBe(200);
  });

  it('GET /api/meta/version gives the version manifest', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/meta/version' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ferry: serverVersion, api: 'v1', node: process.version });
    expect(body.schema).toMatch(/^\d{4}_/);
    expect(body.packs.map((p: { name: string }) => p.name)).toEqual([
      'nhs-pas',
      'optical',
      'optical:optix',
      'optical:occuco',
      'optical:acuity',
    ]);
    expect(body.packs[4]).toEqual({
      name: 'optical:acuity',
      description:
        'Optical practice system export to the Ferry practice platform (Acuity export (camelCase CSV, US formats, plus-cylinder Rx))',
    });
  });

  it('GET /metrics gives Prometheus text with route patterns, not paths', async () => {
    await t.app.inject({ method: 'GET', url: '/api/meta/version' });
    await t.app.inject({ method: 'GET', url: '/api/projects/3f1b7a0e-0000-4000-8000-000000000000' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/ferry_http_requests_total\{method="GET",route="\/api\/meta\/version",status="200"\} \d+/);
    expect(res.body).not.toContain('3f1b7a0e');
  });

  it('serves the OpenAPI document and its explorer at /docs', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Ferry control plane API');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const routes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers unknown routes with the one error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'FERRY_ERR_NOT_FOUND', message: 'No route GET /api/nothing-here', requestId: expect.any(String) },
    });
  });
});

await describeEachDialect('readiness on an unmigrated schema', (dialect) => {
  it('GET /ready answers 503 naming the pending migrations', async () => {
    const t = await createTestApp(dialect, { migrated: false });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().status).toBe('not_ready');
      expect(res.json().problems[0]).toMatch(/^migrations not applied: 0001_app_role pending/);
    } finally {
      await t.close();
    }
  });
});
