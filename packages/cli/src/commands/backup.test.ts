import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@ferry/core';
import { bootstrapSuperAdmin, PasswordHasher } from '@ferry/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ferry backup and ferry restore', () => {
  it('backs up the embedded platform and its data folder, restores them elsewhere, and the audit trail verifies', async () => {
    const work = await mkdtemp(join(tmpdir(), 'ferry-cli-backup-'));
    const original = join(work, 'original');
    const restored = join(work, 'restored');
    try {
      vi.stubEnv('FERRY_DATA_DIR', original);
      vi.stubEnv('FERRY_AUDIT_ANCHOR_FILE', join(work, 'no-anchors.jsonl'));
      expect((await runFerry('db', 'migrate')).code).toBe(0);
      const db = await openDatabase(`pglite:${join(original, 'platform')}`);
      try {
        const hasher = new PasswordHasher({ memoryKib: 1024, iterations: 1 });
        for (const email of ['a@x.test', 'b@x.test'])
          await bootstrapSuperAdmin(db, hasher, { email, password: 'a long and unusual phrase' }, new Date());
      } finally {
        await db.close();
      }
      await mkdir(join(original, 'uploads', 'org1'), { recursive: true });
      await writeFile(join(original, 'uploads', 'org1', 'PATIENT.csv'), 'PAT_ID,SURNAME\n1,SMITH\n');

      const backup = await runFerry('backup', '--out', join(work, 'backup'), '--json');
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      const manifest = JSON.parse(backup.stdout);
      // The embedded database is backed up as tables, not copied as files.
      expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(['uploads/org1/PATIENT.csv']);
      expect(manifest.tables.find((t: { table: string }) => t.table === 'audit_events').rows).toBe(2);
      expect(JSON.parse(await readFile(join(work, 'backup', 'manifest.json'), 'utf8'))).toEqual(manifest);

      vi.stubEnv('FERRY_DATA_DIR', restored);
      const restore = await runFerry('restore', '--from', join(work, 'backup'));
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/^Restored \d+ tables \(\d+ rows\) and 1 data files from /);
      expect(await readFile(join(restored, 'uploads', 'org1', 'PATIENT.csv'), 'utf8')).toBe(
        'PAT_ID,SURNAME\n1,SMITH\n',
      );
      const verify = await runFerry('audit', 'verify');
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(/^chain platform: 2 events, head 2 [0-9a-f]{64}\n/);

      const again = await runFerry('restore', '--from', join(work, 'backup'));
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/The database is not empty/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 240_000);
});
