import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditTrail } from '../audit/audit-trail-check.js';
import { createTestApp, seedOrganisation, type TestApp } from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';
import { backupPlatform } from './platform-backup.js';
import { restorePlatform } from './platform-restore.js';

/** Every file under `dir`, relative path to bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out.set(p.slice(dir.length + 1), await readFile(p));
  }
  return out;
}

await describeEachDialect('platform backup and restore', (dialect) => {
  let t: TestApp;
  let work: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedOrganisation(t.app, 'backup-a');
    await seedOrganisation(t.app, 'backup-b');
    await mkdir(join(t.config.dataDir, 'runs', 'r1', 'evidence'), { recursive: true });
    await writeFile(join(t.config.dataDir, 'runs', 'r1', 'evidence', 'manifest.json'), '{"files":{}}\n');
    await writeFile(join(t.config.dataDir, 'runs', 'r1', 'extract.csv'), Buffer.from([0, 1, 2, 255, 10]));
    work = await mkdtemp(join(tmpdir(), 'ferry-backup-'));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await rm(work, { recursive: true, force: true });
  });

  it('restores into an empty database and data folder: same rows, same files byte for byte, audit chains intact', async () => {
    const first = join(work, 'first');
    const manifest = await backupPlatform({ db: t.database.db, dataDir: t.config.dataDir, outDir: first });
    const audit = manifest.tables.find((x) => x.table === 'audit_events')!;
    expect(audit.rows).toBeGreaterThan(4);
    expect(manifest.tables.find((x) => x.table === 'organisations')!.rows).toBe(2);
    expect(manifest.files.map((f) => f.path)).toContain('runs/r1/extract.csv');
    expect(manifest.tables.findIndex((x) => x.table === 'organisations')).toBeLessThan(
      manifest.tables.findIndex((x) => x.table === 'users'),
    );

    const empty = await dialect.open({ migrated: false });
    const restoredData = join(work, 'restored-data');
    try {
      const result = await restorePlatform({ db: empty.db, dataDir: restoredData, backupDir: first });
      expect(result.files).toBe(manifest.files.length);
      expect(result.tables).toEqual(manifest.tables.map((x) => ({ table: x.table, rows: x.rows })));
      const check = await verifyAuditTrail(empty.db);
      expect(check.findings).toEqual([]);
      expect(check.ok).toBe(true);
      expect(check.chains.reduce((n, c) => n + c.events, 0)).toBe(audit.rows);

      // A backup of the restored platform is the same backup, artefact for artefact.
      const second = join(work, 'second');
      const again = await backupPlatform({ db: empty.db, dataDir: restoredData, outDir: second });
      expect({ ...again, createdAt: '' }).toEqual({ ...manifest, createdAt: '' });
      const a = await tree(first);
      const b = await tree(second);
      a.delete('manifest.json');
      b.delete('manifest.json');
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [path, bytes] of a) expect({ path, same: bytes.equals(b.get(path)!) }).toEqual({ path, same: true });
      expect(await tree(restoredData)).toEqual(
        new Map([...a].filter(([p]) => p.startsWith('data/')).map(([p, v]) => [p.slice(5), v])),
      );

      // Identity sequences continue after the restored values: the next audit event id follows the last one.
      const [ids] = await empty.db.query<{ next: number; last: number }>(
        `SELECT nextval(pg_get_serial_sequence('audit_events', 'id'))::int AS next, (SELECT max(id)::int FROM audit_events) AS last`,
      );
      expect(ids!.next).toBe(ids!.last + 1);

      // Refused: a database that already has rows, and a damaged backup.
      await expect(restorePlatform({ db: empty.db, dataDir: restoredData, backupDir: first })).rejects.toThrow(
        /The database is not empty \(organisations has 2 rows\)/,
      );
    } finally {
      await empty.drop();
    }
    const damaged = join(work, 'damaged');
    await backupPlatform({ db: t.database.db, dataDir: t.config.dataDir, outDir: damaged });
    await writeFile(join(damaged, 'data', 'runs', 'r1', 'extract.csv'), Buffer.from([0, 1, 2, 254, 10]));
    const other = await dialect.open({ migrated: false });
    try {
      await expect(
        restorePlatform({ db: other.db, dataDir: join(work, 'nowhere'), backupDir: damaged }),
      ).rejects.toThrow(
        /The backup is damaged: 1 artefact\(s\) do not match their SHA-256 in manifest.json \(data\/runs\/r1\/extract.csv\)/,
      );
    } finally {
      await other.drop();
    }
  }, 300_000);
});
