import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ferry-cli-runner-'));
  vi.stubEnv('FERRY_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', undefined);
  vi.stubEnv('FERRY_LOG_LEVEL', 'silent');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('run workers on the embedded database', () => {
  it('ferry runs worker refuses PGlite: runs execute inside ferry serve there', async () => {
    const r = await runFerry('runs', 'worker');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ferry: ferry runs worker needs DATABASE_URL on PostgreSQL: on the embedded database (PGlite) runs execute inside ferry serve\n',
    });
  });

  it('ferry serve --no-runner refuses PGlite, before opening a port', async () => {
    const r = await runFerry('serve', '--no-runner', '--port', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ferry: Runs execute in the server on the embedded database (PGlite is single-process): --no-runner (FERRY_SERVE_RUNNER=false) needs DATABASE_URL on PostgreSQL\n',
    );
  });
});
