import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { FerryError, quoteIdent, type SqlDatabase, type SqlExecutor } from '@ferry/core';
import { readHistory } from '../db/migrations/migration-history.js';
import { PlatformMigrator } from '../db/migrations/platform-migrator.js';
import { type BackupManifest, backupManifestSchema, fileDigest } from './backup-manifest.js';

export interface RestoreOptions {
  /** An empty platform database (no migration applied, or every migration applied and no rows). */
  db: SqlDatabase;
  /** The data folder to restore the files into: files already there must not differ from the backup's. */
  dataDir: string;
  backupDir: string;
  batchSize?: number;
}

export interface RestoreResult {
  tables: Array<{ table: string; rows: number }>;
  files: number;
}

/** Reads `manifest.json` and checks every artefact's SHA-256 and size before anything is restored. */
export async function readVerifiedManifest(backupDir: string): Promise<BackupManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8'));
  } catch (e) {
    throw new FerryError('FERRY_ERR_INPUT', `${backupDir} has no readable manifest.json`, {}, { cause: e });
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new FerryError('FERRY_ERR_INPUT', `${backupDir}/manifest.json is not a Ferry backup manifest`);
  const manifest = parsed.data;
  const bad: string[] = [];
  for (const t of manifest.tables) {
    const d = await fileDigest(join(backupDir, t.file)).catch(() => undefined);
    if (d?.sha256 !== t.sha256) bad.push(t.file);
  }
  for (const f of manifest.files) {
    const d = await fileDigest(join(backupDir, 'data', ...f.path.split('/'))).catch(() => undefined);
    if (d?.sha256 !== f.sha256 || d.bytes !== f.bytes) bad.push(`data/${f.path}`);
  }
  if (bad.length)
    throw new FerryError(
      'FERRY_ERR_INPUT',
      `The backup is damaged: ${bad.length} artefact(s) do not match their SHA-256 in manifest.json (${bad.slice(0, 5).join(', ')})`,
    );
  return manifest;
}

async function insertBatch(tx: SqlExecutor, table: string, lines: string[]): Promise<void> {
  if (!lines.length) return;
  await tx.query(
    `INSERT INTO ${quoteIdent(table)} OVERRIDING SYSTEM VALUE
     SELECT * FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`,
    [`[${lines.join(',')}]`],
  );
}

/** Moves every identity and serial sequence of `table` past its largest restored value. */
async function resetSequences(tx: SqlExecutor, table: string): Promise<void> {
  const cols = await tx.query<{ col: string; seq: string }>(
    `SELECT a.attname AS col, pg_get_serial_sequence($1, a.attname) AS seq FROM pg_attribute a
     WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
       AND pg_get_serial_sequence($1, a.attname) IS NOT NULL`,
    [quoteIdent(table)],
  );
  for (const c of cols) {
    await tx.query(
      `SELECT setval($1, coalesce((SELECT max(${quoteIdent(c.col)}) FROM ${quoteIdent(table)}), 1),
         (SELECT max(${quoteIdent(c.col)}) IS NOT NULL FROM ${quoteIdent(table)}))`,
      [c.seq],
    );
  }
}

/**
 * Restores a backup into an empty platform database and a data folder: checks every artefact against the manifest,
 * applies the platform migrations (which must be exactly the backup's), then loads every table in one transaction,
 * parents first, identity values kept and sequences moved past them, and copies the data files (checked again).
 * Refused when a table of the database already has rows, or a file of the data folder differs.
 */
export async function restorePlatform(options: RestoreOptions): Promise<RestoreResult> {
  const backupDir = resolve(options.backupDir);
  const manifest = await readVerifiedManifest(backupDir);
  const { db } = options;
  const dataDir = resolve(options.dataDir);
  for (const f of manifest.files) {
    const to = join(dataDir, ...f.path.split('/'));
    const existing = await fileDigest(to).catch(() => undefined);
    if (existing && existing.sha256 !== f.sha256)
      throw new FerryError(
        'FERRY_ERR_DESTRUCTIVE_REFUSED',
        `${to} already exists with other content: restore into an empty data folder`,
      );
  }
  await (await PlatformMigrator.create(db)).migrate();
  const applied = (await readHistory(db)).map((m) => `${m.name}:${m.checksum}`);
  const wanted = manifest.migrations.map((m) => `${m.name}:${m.checksum}`);
  if (applied.join('\n') !== wanted.join('\n')) {
    throw new FerryError(
      'FERRY_ERR_MIGRATION_MISMATCH',
      `The backup was taken at platform schema ${manifest.migrations.at(-1)?.name ?? '(none)'}; this Ferry's migrations are ${applied.length ? applied.at(-1)!.split(':')[0] : '(none)'}: restore with the Ferry version that made the backup, then ferry db migrate`,
    );
  }
  const batchSize = options.batchSize ?? 1000;
  const tables = await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('ferry.platform_access', 'on', true)`);
    for (const t of manifest.tables) {
      const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(t.table)}`);
      if ((row?.n ?? 0) > 0)
        throw new FerryError(
          'FERRY_ERR_DESTRUCTIVE_REFUSED',
          `The database is not empty (${t.table} has ${row?.n} rows): restore into a new, empty database`,
        );
    }
    const done: RestoreResult['tables'] = [];
    for (const t of manifest.tables) {
      let batch: string[] = [];
      let rows = 0;
      const lines = createInterface({ input: createReadStream(join(backupDir, t.file)), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        rows++;
        if (batch.length >= batchSize) {
          await insertBatch(tx, t.table, batch);
          batch = [];
        }
      }
      await insertBatch(tx, t.table, batch);
      await resetSequences(tx, t.table);
      if (rows !== t.rows)
        throw new FerryError('FERRY_ERR_INPUT', `${t.file} has ${rows} rows, the manifest says ${t.rows}`);
      done.push({ table: t.table, rows });
    }
    return done;
  });
  for (const f of manifest.files) {
    const to = join(dataDir, ...f.path.split('/'));
    if (await fileDigest(to).catch(() => undefined)) continue;
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(backupDir, 'data', ...f.path.split('/')), to);
    if ((await fileDigest(to)).sha256 !== f.sha256)
      throw new FerryError('FERRY_ERR_INPUT', `${to} does not match its SHA-256 after copying`);
  }
  return { tables, files: manifest.files.length };
}
