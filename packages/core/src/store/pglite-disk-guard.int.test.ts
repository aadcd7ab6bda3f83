import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFerryError } from '../errors.js';
import { fullDiskUnder } from '../testing/full-disk.js';
import { PgliteDatabase } from './pglite-database.js';

describe('PGlite on a full disk', () => {
  it('fails at once with FERRY_ERR_DISK_FULL naming the folder (no spin), and keeps what was committed', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ferry-full-disk-')), 'db');
    const disk = fullDiskUnder(dir);
    try {
      const db = await PgliteDatabase.open(dir);
      await db.exec("CREATE TABLE kept (x text); INSERT INTO kept VALUES ('committed')");
      disk.fill();
      const started = Date.now();
      // Enough WAL to need a write: PostgreSQL would PANIC, and PGlite's protocol loop would retry it forever.
      const failed = await db
        .transaction(async (tx) => {
          for (let i = 0; i < 20; i++)
            await tx.exec("INSERT INTO kept SELECT repeat('x', 500) FROM generate_series(1, 2000)");
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(isFerryError(failed) && failed.code).toBe('FERRY_ERR_DISK_FULL');
      expect((failed as Error).message).toMatch(
        new RegExp(`^The embedded database in ${dir} cannot write ${dir}/\\S+: no space left on the device\\.`),
      );
      // Every later call is refused with the same error, without entering PostgreSQL again; close does not hang.
      await expect(db.query('SELECT 1')).rejects.toBe(failed);
      await db.close();
      disk.restore();
      const reopened = await PgliteDatabase.open(dir);
      expect(await reopened.query('SELECT x FROM kept')).toEqual([{ x: 'committed' }]);
      await reopened.close();
    } finally {
      disk.restore();
    }
  }, 120_000);

  it('a full disk while opening is the same error, and frees the lock', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ferry-full-disk-open-')), 'db');
    const disk = fullDiskUnder(dir);
    disk.fill();
    try {
      const e = await PgliteDatabase.open(dir).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(isFerryError(e) && e.code).toBe('FERRY_ERR_DISK_FULL');
      expect((e as Error).message).toContain(`The embedded database in ${dir} cannot write`);
    } finally {
      disk.restore();
    }
    const db = await PgliteDatabase.open(dir);
    await db.close();
  }, 120_000);
});
