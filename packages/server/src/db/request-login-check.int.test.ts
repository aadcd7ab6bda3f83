import { PostgresDatabase, postgresReachable } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDialect, type TestDatabase } from '../testing/test-database.js';
import { loginPrivileges, loginProblems } from './request-login-check.js';

/**
 * The server must not serve requests as a login that row-level security does not bind. First the platform schema is
 * migrated by its owner (the test server's superuser); then a login holding only ferry_app connects to it.
 */
describe.runIf(await postgresReachable())('the request login check [postgres]', () => {
  let owner: TestDatabase;
  const login = `ferry_login_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
  let asLogin: PostgresDatabase;

  beforeAll(async () => {
    owner = await postgresDialect.open({ migrated: true });
    await owner.db.exec(`CREATE ROLE ${login} LOGIN NOSUPERUSER NOBYPASSRLS; GRANT ferry_app TO ${login}`);
    const url = new URL(owner.url);
    url.username = login;
    asLogin = await PostgresDatabase.open(url.toString(), { max: 1 });
  });

  afterAll(async () => {
    await asLogin?.close();
    await owner?.drop();
    const admin = await postgresDialect.open();
    await admin.db.exec(`DROP ROLE IF EXISTS ${login}`);
    await admin.drop();
  });

  it('finds the superuser owner of the tables unfit to serve requests', async () => {
    const p = await loginPrivileges(owner.db);
    expect(p.superuser).toBe(true);
    expect(p.ownedTables).toContain('users');
    expect(loginProblems(p)[0]).toMatch(/is a superuser$/);
    expect(loginProblems(p).some((m) => m.includes('owns the tenant tables'))).toBe(true);
  });

  it('finds a login that only holds the application role fit', async () => {
    const p = await loginPrivileges(asLogin);
    expect(p).toEqual({ login, superuser: false, bypassRls: false, ownedTables: [] });
    expect(loginProblems(p)).toEqual([]);
  });

  it('row-level security is forced, so even the owner role sees no tenant rows without a tenant setting', async () => {
    const [forced] = await owner.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class
       WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relrowsecurity AND NOT relforcerowsecurity`,
    );
    expect(forced?.n).toBe(0);
  });
});
