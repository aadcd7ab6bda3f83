import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadServerConfig } from '@ferry/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

const opensslPresent = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A self-signed certificate for 127.0.0.1, made now with the openssl CLI. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/** GET over HTTPS trusting only `ca`; retried until the server listens. */
async function httpsGet(
  url: string,
  ca: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  for (let i = 0; ; i++) {
    try {
      return await new Promise((resolve, reject) => {
        const req = request(url, { ca }, (res) => {
          let body = '';
          res.on('data', (c) => {
            body += String(c);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNREFUSED' || i > 400) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ferry serve over HTTPS', () => {
  it('reads FERRY_TLS_CERT/FERRY_TLS_KEY as absolute paths and makes cookies Secure with them', () => {
    const config = loadServerConfig({ FERRY_TLS_CERT: 'c.pem', FERRY_TLS_KEY: 'k.pem' });
    expect(config.tls).toEqual({ certFile: resolve('c.pem'), keyFile: resolve('k.pem') });
    expect(config.session.cookieSecure).toBe(true);
    const plain = loadServerConfig({});
    expect(plain.tls).toBeUndefined();
    expect(plain.session.cookieSecure).toBe(false);
  });

  it('refuses a certificate without its key, and a certificate file that cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-tls-'));
    vi.stubEnv('FERRY_DATA_DIR', dir);
    const half = await runFerry('serve', '--port', '0', '--tls-cert', join(dir, 'cert.pem'));
    expect(half.code).toBe(2);
    expect(half.stderr).toBe('ferry: FERRY_TLS_CERT and FERRY_TLS_KEY: give both certificate files, or neither\n');
    const missing = await runFerry(
      'serve',
      '--port',
      '0',
      '--tls-cert',
      join(dir, 'nope.pem'),
      '--tls-key',
      join(dir, 'nope-key.pem'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`ferry: FERRY_TLS_CERT: cannot read ${join(dir, 'nope.pem')}\n`);
    await rm(dir, { recursive: true, force: true });
  });

  it.runIf(opensslPresent)(
    'serves HTTPS with the certificate files of FERRY_TLS_CERT/FERRY_TLS_KEY, with HSTS on',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ferry-tls-'));
      const { cert, key } = selfSignedCertificate(dir);
      vi.stubEnv('FERRY_DATA_DIR', dir);
      vi.stubEnv('DATABASE_URL', `pglite:${join(dir, 'platform')}`);
      vi.stubEnv('FERRY_RUN_MIGRATIONS', 'true');
      vi.stubEnv('FERRY_LOG_LEVEL', 'silent');
      vi.stubEnv('FERRY_BOOTSTRAP_ADMIN_PASSWORD', 'a long and unusual phrase');
      vi.stubEnv('FERRY_TLS_CERT', cert);
      vi.stubEnv('FERRY_TLS_KEY', key);
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      try {
        const running = runFerry('serve', '--port', String(port));
        const health = await httpsGet(`https://127.0.0.1:${port}/health`, await readFile(cert));
        expect(health.status).toBe(200);
        expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
        expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        process.emit('SIGTERM');
        const r = await running;
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(
          `Ferry development server listening on https://127.0.0.1:${port} (API explorer at https://127.0.0.1:${port}/docs)\nStopped on SIGTERM\n`,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
