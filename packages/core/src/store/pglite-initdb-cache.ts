import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * An opt-in cache of a freshly initialised PGlite cluster (FERRY_PGLITE_INITDB_CACHE names a folder): creating a
 * cluster runs initdb in WASM, seconds of CPU each time; loading the tarball of one that was just initialised gives
 * the same empty cluster in a fraction of that. The test configuration turns it on (hundreds of databases per run);
 * it is off unless asked for, since the folder must be one only this user can write.
 */
export const initdbCacheVariable = 'FERRY_PGLITE_INITDB_CACHE';

let pgliteVersion: string | undefined;
function version(): string {
  if (!pgliteVersion) {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    pgliteVersion = (
      JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
    ).version;
  }
  return pgliteVersion;
}

/** Where the tarball is kept (for this PGlite version), or undefined when the cache is off. */
export function initdbCacheFile(): string | undefined {
  const dir = process.env[initdbCacheVariable];
  return dir ? join(dir, `pglite-${version()}-initdb.tar`) : undefined;
}

/** The cached fresh cluster, when the cache is on, holds one, and the file is this user's own and not writable by others. */
export async function cachedFreshCluster(): Promise<Blob | undefined> {
  const file = initdbCacheFile();
  if (!file) return undefined;
  try {
    const s = await stat(file);
    const ownedByMe = typeof process.getuid !== 'function' || s.uid === process.getuid();
    if (!ownedByMe || (s.mode & 0o022) !== 0) return undefined;
    return new Blob([await readFile(file)]);
  } catch {
    return undefined;
  }
}

/** Keeps a tarball of a cluster initdb has just created and nothing has used yet (when the cache is on and empty). */
export async function rememberFreshCluster(pg: PGlite): Promise<void> {
  const file = initdbCacheFile();
  if (!file) return;
  if (
    await stat(file).then(
      () => true,
      () => false,
    )
  )
    return;
  const dump = await pg.dumpDataDir('none');
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  // Concurrent writers: the last rename wins, each file as good as the other.
  await rename(partial, file);
}
