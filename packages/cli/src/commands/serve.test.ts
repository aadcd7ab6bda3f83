import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable, testDatabaseUrl } from '@ferry/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

const pgUp = await postgresReachable();

/** A database of its own for the run queue (graphile-worker announces a new queue's migrations database-wide). */
async function queueDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = await PostgresDatabase.open(testDatabaseUrl, { max: 1 });
  await admin.exec(`CREATE DATABASE "${name}"`);
  await admin.close();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await PostgresDatabase.open(testDatabaseUrl, { max: 1 });
      await c.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.close();
    },
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

async function waitFor(url: string): Promise<Response> {
  for (let i = 0; ; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      if (i > 200) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('ferry serve', () => {
  it('refuses to start in production with a weak bootstrap password, without echoing it', async () => {
    vi.stubEnv('FERRY_MODE', 'production');
    vi.stubEnv('FERRY_BOOTSTRAP_ADMIN_PASSWORD', 'password1234');
    vi.stubEnv('FERRY_SECRET_KEY', 'k'.repeat(40));
    vi.stubEnv('FERRY_AUDIT_KEY', 'a'.repeat(40));
    const r = await runFerry('serve', '--port', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ferry: Refusing to start in production: FERRY_BOOTSTRAP_ADMIN_PASSWORD: is too weak (it is a common password with digits or symbols added)\n',
    );
  });

  it.runIf(pgUp)('refuses a schema that is behind unless FERRY_RUN_MIGRATIONS=true', async () => {
    const schema = await createTestSchema('ferry_cli_serve');
    vi.stubEnv('DATABASE_URL', schema.url);
    try {
      const r = await runFerry('serve', '--port', '0');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^ferry: The platform schema is behind \(0001_app_role pending, .*run ferry db migrate, or set FERRY_RUN_MIGRATIONS=true\n$/,
      );
    } finally {
      await schema.drop();
    }
  });

  it.runIf(pgUp)(
    'migrates on start, listens on --port, answers /health over a socket, stops on SIGTERM with an audit checkpoint',
    async () => {
      const schema = await createTestSchema('ferry_cli_serve');
      vi.stubEnv('DATABASE_URL', schema.url);
      vi.stubEnv('FERRY_RUN_MIGRATIONS', 'true');
      const queue = await queueDatabase(`${schema.schema}_q`);
      vi.stubEnv('FERRY_QUEUE_DATABASE_URL', queue.url);
      vi.stubEnv('FERRY_LOG_LEVEL', 'silent');
      vi.stubEnv('FERRY_BOOTSTRAP_ADMIN_PASSWORD', 'a long and unusual phrase');
      const anchors = await mkdtemp(join(tmpdir(), 'ferry-serve-anchors-'));
      vi.stubEnv('FERRY_AUDIT_ANCHOR_FILE', join(anchors, 'audit-anchors.jsonl'));
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      try {
        const running = runFerry('serve', '--port', String(port));
        const health = await waitFor(`http://127.0.0.1:${port}/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: 'ok' });
        process.emit('SIGTERM');
        const r = await running;
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(
          `Ferry development server listening on http://127.0.0.1:${port} (API explorer at http://127.0.0.1:${port}/docs)\nStopped on SIGTERM\n`,
        );
        // Stopping checkpoints the chains: the bootstrap admin's creation is the platform chain's first event.
        const [checkpoint] = (await readFile(join(anchors, 'audit-anchors.jsonl'), 'utf8')).trimEnd().split('\n');
        expect(JSON.parse(checkpoint ?? '')).toMatchObject({ chain: 'platform', seq: 1 });
      } finally {
        await schema.drop();
        await queue.drop();
        await rm(anchors, { recursive: true, force: true });
      }
    },
  );
});
