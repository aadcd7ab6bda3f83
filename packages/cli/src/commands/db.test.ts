import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, postgresReachable } from '@ferry/core';
import { readMigrationFiles } from '@ferry/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

const names = (await readMigrationFiles()).map((m) => m.name);
const pgUp = await postgresReachable();

afterEach(() => {
  vi.unstubAllEnvs();
});

const states = async () =>
  JSON.parse((await runFerry('db', 'status', '--json')).stdout).map((s: { state: string }) => s.state);

async function migrateStatusRollback(): Promise<void> {
  const first = await runFerry('db', 'migrate', '--target', names[1]!);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  expect(first.stdout).toMatch(
    new RegExp(`^applied ${names[0]} \\(\\d+ ms\\)\\napplied ${names[1]} \\(\\d+ ms\\)\\n$`),
  );
  expect(await states()).toEqual(names.map((_, i) => (i < 2 ? 'applied' : 'pending')));
  expect((await runFerry('db', 'migrate')).stdout.split('\n').filter(Boolean)).toHaveLength(names.length - 2);
  expect((await runFerry('db', 'migrate')).stdout).toBe('Nothing to migrate: the schema is up to date\n');
  // Rolling back past the audit and identity migrations drops the audit trail and every user: refused unless both
  // are named, and (off a terminal) confirmed with --yes; a refusal rolls nothing back.
  const unnamed = await runFerry(
    'db',
    'rollback',
    '--target',
    names[0]!,
    '--drop-users',
    '--drop-practice-records',
    '--yes',
  );
  expect([unnamed.code, unnamed.stdout, unnamed.stderr]).toEqual([
    2,
    '',
    'ferry: Refused: 0004_audit drops the audit trail (audit_events: 0 rows). Nothing was rolled back; to do it anyway, give --drop-audit-trail\n',
  ]);
  const unconfirmed = await runFerry(
    'db',
    'rollback',
    '--target',
    names[0]!,
    '--drop-users',
    '--drop-audit-trail',
    '--drop-practice-records',
  );
  expect(unconfirmed.code).toBe(2);
  expect(unconfirmed.stderr).toMatch(
    new RegExp(
      `^ferry: Roll back ${names.length - 1} migrations of database \\S+ \\(${names.at(-1)}, .*, ${names[1]}\\), dropping`,
    ),
  );
  expect(unconfirmed.stderr).toMatch(
    /, dropping the practice records \(practice_records: 0 rows\) and the audit trail \(audit_events: 0 rows\) and the users \(users: 0 rows\): not confirmed \(no terminal to ask on\); give --yes to confirm. Nothing was changed\n$/,
  );
  expect(await states()).toEqual(names.map(() => 'applied'));
  const back = await runFerry(
    'db',
    'rollback',
    '--target',
    names[0]!,
    '--drop-audit-trail',
    '--drop-users',
    '--drop-practice-records',
    '--yes',
    '--json',
  );
  expect(JSON.parse(back.stdout).map((s: { name: string }) => s.name)).toEqual(names.slice(1).reverse());
  // What is left (the application role) destroys nothing declared, but is still confirmed.
  expect((await runFerry('db', 'rollback', '--all')).code).toBe(2);
  const all = await runFerry('db', 'rollback', '--all', '--yes');
  expect(all.stdout).toMatch(new RegExp(`^rolled back ${names[0]} \\(\\d+ ms\\)\\n$`));
  expect(await states()).toEqual(names.map(() => 'pending'));
  expect(await runFerry('db', 'rollback', '--target', 'no_such')).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/^ferry: Unknown migration 'no_such'/),
  });
}

describe('ferry db', () => {
  it('on the embedded database under FERRY_DATA_DIR: migrates, reports status, rolls back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ferry-cli-db-'));
    vi.stubEnv('DATABASE_URL', undefined);
    vi.stubEnv('FERRY_DATA_DIR', dataDir);
    try {
      // Each command opens the embedded database afresh (as separate processes would): kept to four.
      expect((await runFerry('db', 'migrate')).stdout.split('\n').filter(Boolean)).toHaveLength(names.length);
      expect(await states()).toEqual(names.map(() => 'applied'));
      const refused = await runFerry('db', 'rollback', '--all', '--yes');
      expect([refused.code, refused.stderr]).toEqual([
        2,
        'ferry: Refused: 0019_practice_import drops the practice records (practice_records: 0 rows); 0004_audit drops the audit trail (audit_events: 0 rows); 0003_identity drops the users (users: 0 rows). Nothing was rolled back; to do it anyway, give --drop-practice-records --drop-audit-trail --drop-users\n',
      ]);
      const all = await runFerry(
        'db',
        'rollback',
        '--all',
        '--drop-audit-trail',
        '--drop-users',
        '--drop-practice-records',
        '--yes',
      );
      expect(all.stdout.split('\n').filter(Boolean).at(-1)).toMatch(
        new RegExp(`^rolled back ${names[0]} \\(\\d+ ms\\)$`),
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(pgUp)(
    'on a PostgreSQL server named by DATABASE_URL: to a target and on, status, rollback to a target and all',
    async () => {
      const schema = await createTestSchema('ferry_cli_db');
      vi.stubEnv('DATABASE_URL', schema.url);
      try {
        await migrateStatusRollback();
      } finally {
        await schema.drop();
      }
    },
  );

  it('refuses a DATABASE_URL that is not a database URL, naming the variable', async () => {
    vi.stubEnv('DATABASE_URL', 'mysql://x');
    const r = await runFerry('db', 'status');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ferry: Invalid configuration: DATABASE_URL: must start with postgres/);
    expect(r.stderr).not.toContain('mysql://x');
  });
});
