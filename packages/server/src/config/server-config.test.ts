import { delimiter, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './server-config.js';

const strong = 'a long and unusual phrase';

describe('loadServerConfig', () => {
  it('defaults to port 9133, the embedded database under .ferry/platform, development mode', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({
      mode: 'development',
      port: 9133,
      host: '127.0.0.1',
      databaseUrl: `pglite:${resolve('.ferry', 'platform')}`,
      dataDir: resolve('.ferry'),
      runMigrations: false,
      session: { idleMinutes: 30, maxHours: 12, cookieSecure: false },
      login: { maxFailures: 5, lockoutMinutes: 15 },
      passwordHashing: { memoryKib: 19_456, iterations: 2 },
    });
  });

  it('reads FERRY_* variables and DATABASE_URL', () => {
    const config = loadServerConfig({
      FERRY_PORT: '8080',
      FERRY_RUN_MIGRATIONS: 'true',
      DATABASE_URL: 'postgres://ferry@db:5432/ferry',
      FERRY_SESSION_IDLE_MINUTES: '10',
      FERRY_BOOTSTRAP_ADMIN_EMAIL: 'Admin@Trust.NHS.uk',
    });
    expect(config).toMatchObject({
      port: 8080,
      runMigrations: true,
      databaseUrl: 'postgres://ferry@db:5432/ferry',
      session: { idleMinutes: 10 },
      bootstrapAdmin: { email: 'admin@trust.nhs.uk' },
    });
  });

  it("reads the operator's ceilings of connectors (source roots, database hosts) and their upload cap", () => {
    const config = loadServerConfig({
      FERRY_SOURCE_ROOTS: ['/srv/extracts', 'relative'].join(delimiter),
      FERRY_SOURCE_DB_HOSTS: 'PAS-DB.trust.nhs.uk, 10.0.0.5',
      FERRY_SOURCE_UPLOAD_MAX_BYTES: '2048',
    });
    expect(config).toMatchObject({
      sourceRoots: [resolve('/srv/extracts'), resolve('relative')],
      sourceDbHosts: ['pas-db.trust.nhs.uk', '10.0.0.5'],
      sourceUploads: { maxBytes: 2048 },
    });
    expect(loadServerConfig({}).sourceDbHosts).toBe('any');
    expect(loadServerConfig({}).sourceRoots).toEqual([]);
    const production = {
      FERRY_MODE: 'production',
      FERRY_BOOTSTRAP_ADMIN_PASSWORD: 'Correct-Horse-Battery-Staple-42',
      FERRY_SECRET_KEY: 'x'.repeat(32),
      FERRY_AUDIT_KEY: 'a'.repeat(32),
    };
    // Unset, no ceiling in any mode: each organisation's own list (empty by default) decides; empty, no host at all.
    expect(loadServerConfig(production).sourceDbHosts).toBe('any');
    expect(loadServerConfig({ ...production, FERRY_SOURCE_DB_HOSTS: '*' }).sourceDbHosts).toBe('any');
    expect(loadServerConfig({ ...production, FERRY_SOURCE_DB_HOSTS: ' ' }).sourceDbHosts).toEqual([]);
  });

  it('reads the local database hosts targets may name (none by default) and the connection test rate', () => {
    expect(loadServerConfig({})).toMatchObject({ localDbHosts: [], connectionTestsPerMinute: 10 });
    expect(
      loadServerConfig({ FERRY_DB_LOCAL_HOSTS: ' 127.0.0.1:5433, LocalHost ', FERRY_CONNECTION_TESTS_PER_MINUTE: '3' }),
    ).toMatchObject({ localDbHosts: ['127.0.0.1:5433', 'localhost'], connectionTestsPerMinute: 3 });
  });

  it('names every invalid variable', () => {
    expect(() => loadServerConfig({ FERRY_PORT: 'http', FERRY_RUN_MIGRATIONS: 'yes' })).toThrow(
      /^Invalid configuration: FERRY_PORT: .*; FERRY_RUN_MIGRATIONS: /,
    );
  });

  it('refuses production without a bootstrap password or a secret key', () => {
    expect(() => loadServerConfig({ FERRY_MODE: 'production' })).toThrow(
      'Refusing to start in production: FERRY_BOOTSTRAP_ADMIN_PASSWORD: is required in production; FERRY_SECRET_KEY: is required in production; FERRY_AUDIT_KEY: is required in production',
    );
  });

  it('reads the audit anchor file, key and checkpoint interval, and refuses a short key', () => {
    expect(
      loadServerConfig({ FERRY_AUDIT_ANCHOR_FILE: 'anchors/a.jsonl', FERRY_AUDIT_CHECKPOINT_SECONDS: '0' })
        .auditAnchors,
    ).toMatchObject({ file: resolve('anchors/a.jsonl'), checkpointSeconds: 0, production: false });
    expect(() => loadServerConfig({ FERRY_AUDIT_KEY: 'short' })).toThrow(
      'Invalid configuration: FERRY_AUDIT_KEY: must be at least 32 characters',
    );
  });

  it('refuses production with a weak bootstrap password and never repeats it', () => {
    const attempt = () =>
      loadServerConfig({
        NODE_ENV: 'production',
        FERRY_BOOTSTRAP_ADMIN_PASSWORD: 'Admin2024!',
        FERRY_SECRET_KEY: 'k'.repeat(32),
        FERRY_AUDIT_KEY: 'a'.repeat(32),
      });
    expect(attempt).toThrow(
      /FERRY_BOOTSTRAP_ADMIN_PASSWORD: is too weak \(it is shorter than 12 characters, is a common password/,
    );
    expect(attempt).not.toThrow(/Admin2024/);
  });

  it('starts production with a strong password and a key, with Secure cookies that cannot be turned off', () => {
    const config = loadServerConfig({
      FERRY_MODE: 'production',
      FERRY_BOOTSTRAP_ADMIN_PASSWORD: strong,
      FERRY_SECRET_KEY: 'k'.repeat(32),
      FERRY_AUDIT_KEY: 'a'.repeat(32),
    });
    expect(config.mode).toBe('production');
    expect(config.auditAnchors).toEqual({
      file: resolve('.ferry', 'audit-anchors.jsonl'),
      key: 'a'.repeat(32),
      checkpointSeconds: 60,
      production: true,
    });
    expect(config.session.cookieSecure).toBe(true);
    expect(() =>
      loadServerConfig({
        FERRY_MODE: 'production',
        FERRY_BOOTSTRAP_ADMIN_PASSWORD: strong,
        FERRY_SECRET_KEY: 'k'.repeat(32),
        FERRY_AUDIT_KEY: 'a'.repeat(32),
        FERRY_COOKIE_SECURE: 'false',
      }),
    ).toThrow('FERRY_COOKIE_SECURE: cannot be false in production');
  });
});
