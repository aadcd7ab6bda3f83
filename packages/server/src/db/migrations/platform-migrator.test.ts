import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresDatabase, type SqlDatabase } from '@ferry/core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, type TestDatabase } from '../../testing/test-database.js';
import { AdvisoryMigrationLock } from './advisory-migration-lock.js';
import { defaultMigrationsDir, readMigrationFiles } from './migration-files.js';
import { PlatformMigrator } from './platform-migrator.js';
import { lockTable, RowMigrationLock } from './row-migration-lock.js';

const shipped = (await readMigrationFiles()).map((m) => m.name);

async function tables(db: SqlDatabase): Promise<string[]> {
  const rows = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-migrations-'));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

/** Empties the test schema: each test starts from a database no migration has touched. */
async function resetSchema(db: SqlDatabase): Promise<void> {
  const [row] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  const schema = row!.schema.replaceAll('"', '""');
  await db.exec(`DROP SCHEMA "${schema}" CASCADE; CREATE SCHEMA "${schema}";`);
}

await describeEachDialect('PlatformMigrator', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
  });
  beforeEach(async () => {
    await resetSchema(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('applies every migration once, in order, recording each checksum', async () => {
    const migrator = await PlatformMigrator.create(t.db);
    const steps = await migrator.migrate();
    expect(steps.map((s) => s.name)).toEqual(shipped);
    expect(steps.every((s) => s.direction === 'up')).toBe(true);
    expect(await migrator.migrate()).toEqual([]);
    expect((await migrator.status()).map((s) => s.state)).toEqual(shipped.map(() => 'applied'));
    const history = await t.db.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM ferry_schema_migrations ORDER BY name',
    );
    expect(history).toEqual(migrator.migrations.map((m) => ({ name: m.name, checksum: m.checksum })));
    expect(await tables(t.db)).toContain('audit_events');
    const [role] = await t.db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'ferry_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('migrates to a target, rolls back one, to a target and all, with real down scripts, then migrates again', async () => {
    const migrator = await PlatformMigrator.create(t.db);
    expect((await migrator.migrate({ target: '0002_tenancy' })).map((s) => s.name)).toEqual([
      '0001_app_role',
      '0002_tenancy',
    ]);
    expect((await migrator.status()).map((s) => s.state)).toEqual(
      shipped.map((_, i) => (i < 2 ? 'applied' : 'pending')),
    );
    await migrator.migrate();
    // The last migration drops the imported practice records: refused unless named.
    await expect(migrator.rollback()).rejects.toMatchObject({ code: 'FERRY_ERR_DESTRUCTIVE_REFUSED' });
    const rolledBack = await migrator.rollback({ allowDestroying: ['practice-records'] });
    expect(rolledBack.map((s) => [s.name, s.direction])).toEqual([[shipped.at(-1), 'down']]);
    // Rolling back past 0004_audit and 0003_identity drops the audit trail and the users: refused unless both are
    // named, and then nothing at all is rolled back.
    await t.db.query(
      `INSERT INTO audit_events (chain, seq, occurred_at, actor, action, target_type, prev_hash, hash)
       VALUES ('platform', 1, now(), 'system', 'test.event', 'test', 'g', 'h')`,
    );
    const plan = await migrator.planRollback({ target: '0002_tenancy' });
    expect(plan.destroys).toEqual([
      { migration: '0004_audit', what: 'audit-trail', table: 'audit_events', rows: 1 },
      { migration: '0003_identity', what: 'users', table: 'users', rows: 0 },
    ]);
    await expect(migrator.rollback({ target: '0002_tenancy', allowDestroying: ['users'] })).rejects.toMatchObject({
      code: 'FERRY_ERR_DESTRUCTIVE_REFUSED',
      message:
        'Refused: 0004_audit drops the audit trail (audit_events: 1 rows). Nothing was rolled back; to do it anyway, give --drop-audit-trail',
    });
    await expect(migrator.rollback({ all: true })).rejects.toMatchObject({
      message:
        'Refused: 0004_audit drops the audit trail (audit_events: 1 rows); 0003_identity drops the users (users: 0 rows). Nothing was rolled back; to do it anyway, give --drop-audit-trail --drop-users',
    });
    expect((await migrator.status()).filter((s) => s.state === 'applied').length).toBe(shipped.length - 1);
    expect(await migrator.rollback({ target: '0002_tenancy', allowDestroying: ['audit-trail', 'users'] })).toEqual(
      shipped
        .slice(2, -1)
        .reverse()
        .map((name) => expect.objectContaining({ name, direction: 'down' })),
    );
    expect(await tables(t.db)).toEqual(
      [
        'ferry_schema_migrations',
        ...(dialect.name === 'pglite' ? [lockTable] : []),
        'organisations',
        'projects',
        'workspaces',
      ].sort(),
    );
    await migrator.rollback({ all: true });
    expect(await tables(t.db)).toEqual(
      ['ferry_schema_migrations', ...(dialect.name === 'pglite' ? [lockTable] : [])].sort(),
    );
    const [functions] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_proc WHERE pronamespace = current_schema()::regnamespace`,
    );
    expect(functions?.n).toBe(0);
    expect((await migrator.migrate()).length).toBe(shipped.length);
  });

  it('refuses an applied migration whose script was edited, naming the file', async () => {
    const dir = await copyOfMigrations();
    await (await PlatformMigrator.create(t.db, { dir })).migrate();
    const file = join(dir, '0002_tenancy.up.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- an edit\n`);
    const edited = await PlatformMigrator.create(t.db, { dir });
    await expect(edited.migrate()).rejects.toMatchObject({
      code: 'FERRY_ERR_MIGRATION_MISMATCH',
      context: { file: '0002_tenancy.up.sql' },
    });
    await expect(edited.rollback()).rejects.toMatchObject({ code: 'FERRY_ERR_MIGRATION_MISMATCH' });
    expect((await edited.status()).find((s) => s.name === '0002_tenancy')?.state).toBe('changed');
  });

  it('refuses a new migration sorted before an applied one, and an applied one without a file', async () => {
    const dir = await copyOfMigrations();
    await (await PlatformMigrator.create(t.db, { dir })).migrate();
    await writeFile(join(dir, '0001_zz_late.up.sql'), 'CREATE TABLE late (id int);');
    await writeFile(join(dir, '0001_zz_late.down.sql'), 'DROP TABLE late;');
    await expect((await PlatformMigrator.create(t.db, { dir })).migrate()).rejects.toMatchObject({
      code: 'FERRY_ERR_MIGRATION_MISMATCH',
      context: { file: '0001_zz_late.up.sql' },
    });
    const few = await copyOfMigrations();
    const { rm } = await import('node:fs/promises');
    await rm(join(few, '0004_audit.up.sql'));
    await rm(join(few, '0004_audit.down.sql'));
    await expect((await PlatformMigrator.create(t.db, { dir: few })).migrate()).rejects.toThrow(
      /0004_audit is applied but has no migration file/,
    );
  });

  it('applies nothing of a run when one of its migrations fails', async () => {
    const dir = await copyOfMigrations();
    const migrator = await PlatformMigrator.create(t.db, { dir });
    await migrator.migrate({ target: '0002_tenancy' });
    await writeFile(join(dir, '9999_broken.up.sql'), 'CREATE TABLE fine (id int);\nSELECT * FROM no_such_table;');
    await writeFile(join(dir, '9999_broken.down.sql'), 'DROP TABLE fine;');
    await expect((await PlatformMigrator.create(t.db, { dir })).migrate()).rejects.toMatchObject({
      code: 'FERRY_ERR_MIGRATION_FAILED',
      context: { file: '9999_broken.up.sql' },
    });
    expect((await migrator.status()).filter((s) => s.state === 'applied').map((s) => s.name)).toEqual([
      '0001_app_role',
      '0002_tenancy',
    ]);
    expect(await tables(t.db)).not.toContain('users');
    expect(await tables(t.db)).not.toContain('fine');
  });

  it('waits for a lock row held by a live process, and takes over a stale one', async () => {
    await t.db.exec(`CREATE TABLE ${lockTable} (id integer PRIMARY KEY CHECK (id = 1), holder text NOT NULL,
      acquired_at timestamptz NOT NULL, expires_at timestamptz NOT NULL)`);
    await t.db.query(`INSERT INTO ${lockTable} VALUES (1, 'other-host pid 7', now(), now() + interval '1 hour')`);
    const lock = new RowMigrationLock({ holder: 'me', waitMs: 150, pollMs: 50 });
    const migrator = await PlatformMigrator.create(t.db, { lock });
    await expect(migrator.migrate()).rejects.toMatchObject({ code: 'FERRY_ERR_MIGRATION_LOCKED' });
    await expect(migrator.migrate()).rejects.toThrow(/held by 'other-host pid 7'/);
    await t.db.query(`UPDATE ${lockTable} SET expires_at = now() - interval '1 second'`);
    expect((await migrator.migrate()).length).toBe(shipped.length);
    expect(await t.db.query(`SELECT * FROM ${lockTable}`)).toEqual([]);
  });

  if (dialect.name === 'postgres') {
    it('refuses to migrate while another session holds the advisory lock of this schema', async () => {
      const other = await PostgresDatabase.open(t.url, { max: 1 });
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => {
        locked = r;
      });
      const holder = other.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('ferry.migrate.' || current_schema(), 0))`);
        locked();
        await held;
      });
      await isLocked;
      const migrator = await PlatformMigrator.create(t.db, {
        lock: new AdvisoryMigrationLock({ waitMs: 150, pollMs: 50 }),
      });
      await expect(migrator.migrate()).rejects.toMatchObject({ code: 'FERRY_ERR_MIGRATION_LOCKED' });
      release();
      await holder;
      await other.close();
      expect((await migrator.migrate()).length).toBe(shipped.length);
    });
  }
});
