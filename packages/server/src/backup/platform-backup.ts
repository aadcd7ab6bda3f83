import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FerryError, quoteIdent, type SqlDatabase } from '@ferry/core';
import { readHistory } from '../db/migrations/migration-history.js';
import { type BackupManifest, fileDigest } from './backup-manifest.js';
import { platformTablesInLoadOrder, stableOrder } from './platform-tables.js';

export interface BackupOptions {
  db: SqlDatabase;
  /** The platform data folder (FERRY_DATA_DIR): uploaded extracts, run folders, evidence, anchors. */
  dataDir: string;
  /** Folders inside the data folder that are not copied (the embedded database's own folder, the backup itself). */
  exclude?: string[];
  /** A new or empty folder. */
  outDir: string;
  now?: () => Date;
  pageSize?: number;
}

/** Every file under `dir` (relative paths, `/`-separated, sorted), skipping the `exclude` folders. */
async function listFiles(dir: string, exclude: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    if (exclude.some((x) => d === x || d.startsWith(`${x}${sep}`))) return;
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile() && !exclude.includes(p)) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  await walk(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  return out.sort();
}

/**
 * Backs up the platform: every table of the platform schema as NDJSON (`row_to_json`, in primary-key order) read in
 * one REPEATABLE READ transaction with platform access (one consistent snapshot, whatever row-level security says),
 * then every file of the data folder, and `manifest.json` with each artefact's size and SHA-256.
 * Files written to the data folder while the backup runs may or may not be in it; stop the server for a backup that
 * matches the database exactly.
 */
export async function backupPlatform(options: BackupOptions): Promise<BackupManifest> {
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length)
    throw new FerryError('FERRY_ERR_USAGE', `The backup folder ${outDir} is not empty: give a new or empty folder`);
  await mkdir(join(outDir, 'db'));
  const pageSize = options.pageSize ?? 5000;
  const { db } = options;
  const snapshot = await db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await tx.query(`SELECT set_config('ferry.platform_access', 'on', true)`);
    const migrations = (await readHistory(tx)).map((m) => ({ name: m.name, checksum: m.checksum }));
    const tables: BackupManifest['tables'] = [];
    for (const table of await platformTablesInLoadOrder(tx)) {
      const file = `db/${table}.ndjson`;
      const stream = createWriteStream(join(outDir, file));
      const order = await stableOrder(tx, table);
      let rows = 0;
      for (let offset = 0; ; offset += pageSize) {
        const page = await tx.query<{ j: string }>(
          `SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table)} t ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`,
        );
        for (const r of page) if (!stream.write(`${r.j}\n`)) await once(stream, 'drain');
        rows += page.length;
        if (page.length < pageSize) break;
      }
      await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
      tables.push({ table, rows, file, sha256: (await fileDigest(join(outDir, file))).sha256 });
    }
    return { migrations, tables };
  });
  const dataDir = resolve(options.dataDir);
  const exclude = [outDir, ...(options.exclude ?? []).map((x) => resolve(x))];
  const files: BackupManifest['files'] = [];
  for (const path of await listFiles(dataDir, exclude)) {
    const to = join(outDir, 'data', ...path.split('/'));
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(dataDir, ...path.split('/')), to);
    files.push({ path, ...(await fileDigest(to)) });
  }
  const manifest: BackupManifest = {
    format: 'ferry-platform-backup/1',
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    database: { kind: db.kind },
    migrations: snapshot.migrations,
    tables: snapshot.tables,
    files,
  };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
