import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantTransaction } from '../db/tenant-transaction.js';
import { projectRunDir } from '../jobs/project-run-paths.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { miniPack } from '../testing/mini-pack.js';
import { seedEmptyPglite } from '../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  testAdmin,
  userPassword,
} from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';

/**
 * Tables that belong to no tenant: the migration machinery's own, and the login throttle's (keyed by hashes of typed
 * emails and addresses, which must be throttled alike whether an account exists or not). Every other table must be
 * tenant-owned.
 */
const platformTables = ['ferry_schema_lock', 'ferry_schema_migrations', 'login_throttle'];
/** The server's source roots (FERRY_SOURCE_ROOTS); the folders are only named, never read. */
const extractRoot = resolve('/srv/ferry-extracts');

/**
 * Tenant isolation is enforced by PostgreSQL row-level security (invariant 6). First, two organisations get data in
 * every tenant table through the API; then, as the application role with organisation A's setting, each table is
 * read and written directly in SQL: B's rows are invisible and cannot be written. The API answers 404 for B's ids.
 */
await describeEachDialect('tenant isolation', (dialect) => {
  let t: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  let bProject: string;
  const runIds = new Map<string, string>();
  const connectorIds = new Map<string, string>();
  const practiceJobIds = new Map<string, string>();

  /** Puts rows of this organisation into every tenant table, through the API. */
  async function fill(org: SeededOrg, root: ApiCaller): Promise<string> {
    const project = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'PAS', pack: 'mini' }),
      201,
    );
    expectStatus(await org.admin.post('/api/auth/tokens', { name: 'ci' }), 201);
    await ApiCaller.anonymous(t.app).post('/api/auth/register', {
      organisation: org.slug,
      email: `new@${org.slug}.test`,
      displayName: 'New',
      password: userPassword,
    });
    const member = async (name: string, ...roles: string[]) => {
      expectStatus(
        await createOrgUser(org.admin, org.id, {
          email: `${name}@${org.slug}.test`,
          displayName: name,
          password: userPassword,
          roles,
        }),
        201,
      );
      return ApiCaller.login(t.app, `${name}@${org.slug}.test`, userPassword);
    };
    // The ETL engineer also maps (drafts the project's source catalog below).
    const etl = await member('etl', 'etl_engineer', 'mapping_analyst');
    const cutover = await member('cutover', 'cutover_manager');
    // A practice import: a job, a record imported and a record rejected.
    const job = expectStatus(
      await etl.post('/api/migrations', { preset: 'mini:pas', recordType: 'load-pmis', continueOnError: true }),
      201,
    );
    practiceJobIds.set(org.slug, job.jobId);
    expectStatus(
      await etl.post(`/api/migrations/${job.jobId}/records`, {
        records: [
          { PAT_ID: '1', SURNAME: 'SMITH', SEX: 'M', REC_STATUS: 'A' },
          { PAT_ID: '2', SURNAME: '', SEX: 'F', REC_STATUS: 'A' },
        ],
      }),
      200,
    );
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, project.id), 'target'));
    const run = expectStatus(
      await etl.post(`/api/projects/${project.id}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 3 },
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    expectStatus(
      await cutover.post(`/api/runs/${run.id}/gate/decision`, {
        decision: 'no_go',
        note: 'Rejects to fix first',
        profile: 'development',
      }),
      201,
    );
    const [issue] = expectStatus(await etl.get(`/api/runs/${run.id}/quality/issues`), 200).items;
    const { checkId, targetTable, targetKey, field } = issue;
    expectStatus(
      await (await member('dq', 'dq_lead')).put(`/api/projects/${project.id}/quality/triage`, {
        runId: run.id,
        checkId,
        targetTable,
        targetKey,
        field,
        status: 'acknowledged',
      }),
      200,
    );
    const boundary = 'ferryboundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.md"\r\n\r\n# Notes\r\n--${boundary}--\r\n`;
    expectStatus(
      await org.admin.request('POST', `/api/projects/${project.id}/documents`, payload, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      }),
      201,
    );
    const connector = expectStatus(
      await org.admin.post(`/api/projects/${project.id}/connectors`, { name: 'Extract', type: 'csv-upload' }),
      201,
    );
    const csv = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="PATIENT.csv"\r\n\r\nPAT_ID,SURNAME\n1,Smith\n\r\n--${boundary}--\r\n`;
    expectStatus(
      await org.admin.request('POST', `/api/connectors/${connector.id}/files`, csv, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      }),
      201,
    );
    // The project's own source catalog, drafted from that upload.
    expectStatus(await etl.post(`/api/projects/${project.id}/source/draft`, { connectorId: connector.id }), 201);
    // A target database on a host the operator allowed this organisation (not connected to here).
    expectStatus(await root.put(`/api/orgs/${org.id}/target-hosts`, { hosts: ['10.20.30.40'] }), 200);
    expectStatus(
      await org.admin.post(`/api/orgs/${org.id}/targets`, {
        name: 'Staging',
        host: '10.20.30.40',
        database: 'staging',
        user: 'loader',
        password: 'sealed-secret',
      }),
      201,
    );
    // A server folder the operator allowed this organisation's csv-directory connectors (not read here).
    expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [join(extractRoot, org.slug)] }), 200);
    connectorIds.set(org.slug, connector.id);
    runIds.set(org.slug, run.id);
    return project.id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      packs: new Map([
        ['mini', miniPack()],
        ['mini:pas', miniPack('mini:pas')],
      ]),
      config: { sourceRoots: [extractRoot] },
    });
    const root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    a = await seedOrganisation(t.app, 'alpha', root);
    b = await seedOrganisation(t.app, 'bravo', root);
    await fill(a, root);
    bProject = await fill(b, root);
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  async function tenantTables(): Promise<{ table: string; column: string }[]> {
    const rows = await t.database.db.query<{ table_name: string; has_org: boolean }>(
      `SELECT c.table_name,
              EXISTS (SELECT 1 FROM information_schema.columns o WHERE o.table_schema = c.table_schema
                      AND o.table_name = c.table_name AND o.column_name = 'organisation_id') AS has_org
       FROM information_schema.tables c WHERE c.table_schema = current_schema() AND c.table_type = 'BASE TABLE' ORDER BY 1`,
    );
    return rows
      .filter((r) => !platformTables.includes(r.table_name))
      .map((r) => ({
        table: r.table_name,
        column: r.table_name === 'organisations' ? 'id' : r.has_org ? 'organisation_id' : '',
      }));
  }

  it('gives every table but the migration machinery an organisation column, forced row-level security and a policy', async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(10);
    expect(tables.filter((x) => !x.column).map((x) => x.table)).toEqual([]);
    const rls = await t.database.db.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      policies: number;
    }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY 1`,
    );
    for (const { table } of tables) {
      expect({ table, ...rls.find((r) => r.relname === table) }).toMatchObject({
        table,
        relrowsecurity: true,
        relforcerowsecurity: true,
        policies: expect.any(Number),
      });
      expect(rls.find((r) => r.relname === table)!.policies).toBeGreaterThan(0);
    }
  });

  it('runs requests as an application role that is no superuser and cannot bypass RLS', async () => {
    const [who] = await tenantTransaction(t.database.db, { orgId: a.id, userId: null, platformAccess: false }, (tx) =>
      tx.run.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
        'SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
      ),
    );
    expect(who).toEqual({ current_user: 'ferry_app', rolsuper: false, rolbypassrls: false });
  });

  it("as the application role with organisation A's setting, B's rows are invisible in every tenant table", async () => {
    for (const { table, column } of await tenantTables()) {
      const count = (org: string, scope: { orgId: string | null; platformAccess: boolean }) =>
        tenantTransaction(t.database.db, { ...scope, userId: null }, async (tx) => {
          const [row] = await tx.run.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
            [org],
          );
          return row!.n;
        });
      // The check cannot pass vacuously: the platform branch sees rows of both organisations in this table.
      const seen = {
        a: await count(a.id, { orgId: null, platformAccess: true }),
        b: await count(b.id, { orgId: null, platformAccess: true }),
      };
      expect({ table, hasRowsOfBoth: seen.a > 0 && seen.b > 0 }).toEqual({ table, hasRowsOfBoth: true });
      expect({ table, ownRows: await count(a.id, { orgId: a.id, platformAccess: false }) }).toEqual({
        table,
        ownRows: seen.a,
      });
      expect({ table, otherRows: await count(b.id, { orgId: a.id, platformAccess: false }) }).toEqual({
        table,
        otherRows: 0,
      });
      expect({ table, withoutSetting: await count(a.id, { orgId: null, platformAccess: false }) }).toEqual({
        table,
        withoutSetting: 0,
      });
    }
  });

  it("as the application role with organisation A's setting, B's rows cannot be changed and no row can be written into B", async () => {
    const updatable: string[] = [];
    for (const { table, column } of await tenantTables()) {
      const [grant] = await t.database.db.query<{ ok: boolean }>(
        `SELECT has_table_privilege('ferry_app', $1, 'UPDATE') AS ok`,
        [table],
      );
      if (!grant?.ok) continue; // records the application only adds to (audit events, contract versions, ...)
      updatable.push(table);
      const changed = await tenantTransaction(
        t.database.db,
        { orgId: a.id, userId: null, platformAccess: false },
        (tx) => tx.run.query(`UPDATE ${table} SET ${column} = ${column} WHERE ${column} = $1 RETURNING 1`, [b.id]),
      );
      expect({ table, changed: changed.length }).toEqual({ table, changed: 0 });
    }
    expect(updatable.length).toBeGreaterThanOrEqual(8);
    await expect(
      tenantTransaction(t.database.db, { orgId: a.id, userId: null, platformAccess: false }, (tx) =>
        tx.run.query(`INSERT INTO workspaces (organisation_id, name) VALUES ($1, 'planted')`, [b.id]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      tenantTransaction(t.database.db, { orgId: a.id, userId: null, platformAccess: false }, (tx) =>
        tx.run.query(`UPDATE projects SET organisation_id = $1, workspace_id = $2 WHERE organisation_id = $3`, [
          b.id,
          b.workspaceId,
          a.id,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("answers 404 through the API for another organisation's ids, as for unknown ones", async () => {
    const paths = [
      `/api/orgs/${b.id}`,
      `/api/orgs/${b.id}/users`,
      `/api/orgs/${b.id}/workspaces`,
      `/api/orgs/${b.id}/roles`,
      `/api/orgs/${b.id}/audit`,
      `/api/orgs/${b.id}/audit/verify`,
      `/api/orgs/${b.id}/audit/actions`,
      `/api/orgs/${b.id}/registrations`,
      `/api/projects/${bProject}`,
      `/api/projects/${bProject}/contract`,
      `/api/projects/${bProject}/contract/rows`,
      `/api/projects/${bProject}/runs`,
      `/api/projects/${bProject}/documents`,
      `/api/runs/${runIds.get('bravo')}`,
      `/api/runs/${runIds.get('bravo')}/gate`,
      `/api/runs/${runIds.get('bravo')}/artefacts`,
      `/api/projects/${bProject}/connectors`,
      `/api/connectors/${connectorIds.get('bravo')}`,
      `/api/connectors/${connectorIds.get('bravo')}/files`,
      `/api/connectors/${connectorIds.get('bravo')}/schema`,
      `/api/migrations/${practiceJobIds.get('bravo')}`,
    ];
    for (const path of paths) {
      const res = await a.admin.get(path);
      expect({ path, status: res.statusCode, code: res.json().error?.code }).toEqual({
        path,
        status: 404,
        code: 'FERRY_ERR_NOT_FOUND',
      });
    }
    const writes = [
      await a.admin.post(`/api/orgs/${b.id}/workspaces`, { name: 'X' }),
      await a.admin.post(`/api/workspaces/${b.workspaceId}/projects`, { name: 'X', pack: 'mini' }),
      await a.admin.post(`/api/orgs/${b.id}/users/${b.adminId}/lock`),
      await a.admin.put(`/api/orgs/${b.id}/roles/viewer`, { permissions: [] }),
      await a.admin.patch(`/api/orgs/${b.id}`, { requireTotp: true }),
      await a.admin.put(`/api/projects/${bProject}/settings`, { target: 'csv' }),
      await a.admin.post(`/api/projects/${bProject}/connectors`, { name: 'X', type: 'csv-upload' }),
      await a.admin.patch(`/api/connectors/${connectorIds.get('bravo')}`, { name: 'X' }),
      await a.admin.post(`/api/connectors/${connectorIds.get('bravo')}/test`),
      await a.admin.delete(`/api/connectors/${connectorIds.get('bravo')}`),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
    expect(expectStatus(await a.admin.get('/api/orgs'), 200).map((o: { slug: string }) => o.slug)).toEqual(['alpha']);
    expect(
      expectStatus(await a.admin.get('/api/projects'), 200).every(
        (p: { organisationId: string }) => p.organisationId === a.id,
      ),
    ).toBe(true);
  });

  it('lets the super admin see every organisation through the explicit platform branch', async () => {
    const root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    expect(expectStatus(await root.get('/api/orgs'), 200).map((o: { slug: string }) => o.slug)).toEqual([
      'alpha',
      'bravo',
    ]);
    expect(expectStatus(await root.get(`/api/projects/${bProject}`), 200).organisationId).toBe(b.id);
  });
});
