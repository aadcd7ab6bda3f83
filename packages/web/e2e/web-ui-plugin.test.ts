import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FerryApp } from '../../server/src/app-types.js';
import { errorHandlerPlugin } from '../../server/src/plugins/error-handler-plugin.js';
import { webUiPlugin } from '../../server/src/web/web-ui-plugin.js';

/** A bare app with the server's error handler and the UI plugin over a built UI of our own. */
async function appServing(root: string): Promise<FerryApp> {
  const app = Fastify({ logger: false }) as unknown as FerryApp;
  await app.register(errorHandlerPlugin);
  app.get('/api/meta/ping', async () => ({ pong: true }));
  await app.register(webUiPlugin, { root });
  await app.ready();
  return app;
}

describe('web UI plugin', () => {
  let root: string;
  let app: FerryApp;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ferry-web-ui-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(root, 'robots.txt'), 'User-agent: *');
    app = await appServing(root);
  });
  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers / and deep links with index.html, never cached', async () => {
    for (const url of ['/', '/projects/0b7c/mappings?status=draft', '/admin/users']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe('<!doctype html><div id="root"></div>');
    }
  });

  it('serves hashed assets as immutable and other files as no-cache', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log(1)');
    const robots = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect([robots.statusCode, robots.headers['cache-control']]).toEqual([200, 'no-cache']);
  });

  it('keeps API routes, and answers unknown API paths and missing files with a JSON 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/meta/ping' })).json()).toEqual({ pong: true });
    for (const url of ['/api/nope', '/api', '/docs/nope', '/assets/missing-1.js', '/favicon.ico']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('FERRY_ERR_NOT_FOUND');
    }
  });

  it('does not escape its folder', async () => {
    for (const url of ['/../package.json', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('root:');
      expect(res.body, url).not.toContain('"name"');
    }
  });

  it('runs the API without a UI when none is built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ferry-web-ui-empty-'));
    const bare = await appServing(empty);
    try {
      expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
      expect((await bare.inject({ method: 'GET', url: '/api/meta/ping' })).statusCode).toBe(200);
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
