import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAnchorSettings } from '../config/audit-anchor-config.js';
import { bootstrapSuperAdmin } from '../identity/bootstrap-admin.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { pgliteDialect, type TestDatabase } from '../testing/test-database.js';
import { startAuditCheckpoints } from './audit-checkpointer.js';

/** The server checkpoints the chains whose head moved on a timer and once more on close; 0 seconds: never. */
describe('audit checkpoints of the server', () => {
  let t: TestDatabase;
  let dir: string;
  const hasher = new PasswordHasher({ memoryKib: 1024, iterations: 1 });
  const log = { info: () => {}, error: () => {} };
  const addUser = (email: string) =>
    bootstrapSuperAdmin(t.db, hasher, { email, password: 'a long and unusual phrase' }, new Date());
  const seqs = async (file: string) =>
    (await readFile(file, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).seq as number);

  beforeAll(async () => {
    t = await pgliteDialect.open({ migrated: true });
    dir = await mkdtemp(join(tmpdir(), 'ferry-checkpointer-'));
  });
  afterAll(async () => {
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes on its timer only when a head moved, and on close', async () => {
    const settings: AuditAnchorSettings = {
      file: join(dir, 'timer.jsonl'),
      key: 'k'.repeat(32),
      checkpointSeconds: 1,
      production: false,
    };
    await addUser('a@x.test');
    const checkpoints = startAuditCheckpoints(t.db, settings, log, () => new Date());
    try {
      for (let i = 0; i < 40 && (await seqs(settings.file)).length === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await seqs(settings.file)).toEqual([1]);
      await new Promise((r) => setTimeout(r, 1200));
      expect(await seqs(settings.file)).toEqual([1]);
      await addUser('b@x.test');
    } finally {
      await checkpoints.close();
    }
    expect(await seqs(settings.file)).toEqual([1, 2]);
  });

  it('writes nothing with checkpointSeconds 0', async () => {
    const file = join(dir, 'off.jsonl');
    const checkpoints = startAuditCheckpoints(
      t.db,
      { file, key: 'k'.repeat(32), checkpointSeconds: 0, production: false },
      log,
      () => new Date(),
    );
    await checkpoints.close();
    expect(await seqs(file)).toEqual([]);
  });
});
