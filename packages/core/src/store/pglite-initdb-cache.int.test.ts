import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PgliteDatabase } from './pglite-database.js';
import { cachedFreshCluster, initdbCacheFile, initdbCacheVariable } from './pglite-initdb-cache.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('PGlite initdb cache', () => {
  it('keeps the first fresh cluster; a later new database starts from it, empty, and keeps what it writes', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'ferry-initdb-cache-'));
    vi.stubEnv(initdbCacheVariable, cache);
    expect(await cachedFreshCluster()).toBeUndefined();

    const first = await PgliteDatabase.open();
    await first.exec('CREATE TABLE used_after_the_dump (x int)');
    await first.close();
    expect((await cachedFreshCluster())?.size).toBeGreaterThan(1_000_000);

    // A new file-backed database is a fresh cluster: nothing the first one did after initdb is in it.
    const dir = join(await mkdtemp(join(tmpdir(), 'ferry-initdb-disk-')), 'db');
    const onDisk = await PgliteDatabase.open(dir);
    expect(await onDisk.query(`SELECT to_regclass('used_after_the_dump') AS t`)).toEqual([{ t: null }]);
    await onDisk.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)');
    await onDisk.close();
    const reopened = await PgliteDatabase.open(dir);
    expect(await reopened.query('SELECT x FROM kept')).toEqual([{ x: 7 }]);
    await reopened.close();
  }, 240_000);

  it('is off without the variable, and ignores a cached file that others may write', async () => {
    vi.stubEnv(initdbCacheVariable, undefined);
    expect(initdbCacheFile()).toBeUndefined();
    const cache = await mkdtemp(join(tmpdir(), 'ferry-initdb-cache-'));
    vi.stubEnv(initdbCacheVariable, cache);
    const file = initdbCacheFile()!;
    expect(file).toMatch(/pglite-\d+\.\d+\.\d+-initdb\.tar$/);
    await writeFile(file, Buffer.alloc(16), { mode: 0o600 });
    expect((await cachedFreshCluster())?.size).toBe(16);
    await chmod(file, 0o666);
    expect(await cachedFreshCluster()).toBeUndefined();
  });
});
