import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

describe('ferry worker and migrate --queue: usage', () => {
  it('a queue needs a PostgreSQL server, and --queue takes no threads', { timeout: 60_000 }, async () => {
    const worker = await runFerry('worker', '--database', 'pglite:.ferry/target');
    expect(worker.code).toBe(2);
    expect(worker.stderr).toContain('--database must be a postgres:// URL');

    const dir = await mkdtemp(join(tmpdir(), 'ferry-queue-usage-'));
    await nhsPasPack.generate({ patients: 5, seed: 1, defects: 'none', outDir: dir });
    const common = ['migrate', '--source', `csv:${join(dir, 'source')}`, '--out', join(dir, 'out'), '--queue'];
    const csv = await runFerry(...common, '--target', `csv:${join(dir, 'load')}`);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--target (with --queue) must be a postgres:// URL');
    const threads = await runFerry(...common, '--target', 'postgres://127.0.0.1:1/x', '--workers', '2');
    expect(threads.code).toBe(2);
    expect(threads.stderr).toContain('with --queue, run more `ferry worker` processes');
  });
});
