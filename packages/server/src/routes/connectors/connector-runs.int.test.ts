import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  csvFolderTables,
  loadMysqlTables,
  loadPostgresTables,
  mysqlReachable,
  mysqlTestSettings,
  openSourceSpec,
  postgresReachable,
  testDatabaseUrl,
  writeDelimitedDump,
  writeJsonTables,
  writeXlsxTables,
} from '@ferry/core';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleSourceOfRun, rerunSourceOf } from '../../connectors/connector-run-source.js';
import { tenantTransaction } from '../../db/tenant-transaction.js';
import { projectRunDir } from '../../jobs/project-run-paths.js';
import { ApiCaller, expectStatus } from '../../testing/api-client.js';
import { miniPack } from '../../testing/mini-pack.js';
import { seedEmptyPglite } from '../../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  testAdmin,
  userPassword,
} from '../../testing/test-app.js';
import { pgliteDialect } from '../../testing/test-database.js';

const pgUp = await postgresReachable();
const myUp = await mysqlReachable();
const pgUrl = new URL(testDatabaseUrl);
const pgSchema = `conn_run_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const myDb = `ferry_conn_run_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
/** A password the PostgreSQL connector is given (the test server trusts loopback): it must show up nowhere. */
const pgPassword = 'sealed-never-shown-77';

/**
 * Every kind of connector is a run source through the API. An ETL engineer has the same small legacy extract (the
 * mini pack's generator) as NDJSON, as an Excel workbook, as a `^`-delimited dump in the organisation's folder, in a
 * PostgreSQL schema and in a MariaDB database. Each connector is tested, discovered, previewed and then run: every
 * run reads the 12 source rows and ends the same. The run's row and record never hold the database password; a
 * rerun from migrate opens the same database again; a connector the operator's lists no longer reach fails its run
 * when it executes. One dialect (PGlite): the platform database plays no part in reading a source.
 */
describe('runs from every connector kind', () => {
  let t: TestApp;
  let org: SeededOrg;
  let etl: ApiCaller;
  let analyst: ApiCaller;
  let root: ApiCaller;
  let roots: string;
  let mine: string;

  const kinds = [
    { type: 'json', config: () => ({ path: join(mine, 'ndjson') }), table: 'PATIENT', when: true },
    // The other file kinds reach a run the way json does (a path checked, then a spec): their runs are not repeated.
    { type: 'xlsx', config: () => ({ path: join(mine, 'extract.xlsx') }), table: 'PATIENT', when: true, run: false },
    {
      type: 'dump',
      config: () => ({ path: join(mine, 'dump', 'layout.json') }),
      table: 'PATIENT',
      when: true,
      run: false,
    },
    {
      type: 'postgres',
      config: () => ({
        host: pgUrl.hostname,
        port: Number(pgUrl.port || 5432),
        database: pgUrl.pathname.slice(1),
        user: decodeURIComponent(pgUrl.username),
        schema: pgSchema,
      }),
      password: pgPassword,
      table: 'PATIENT',
      when: pgUp,
    },
    {
      type: 'mysql',
      config: () => ({ host: mysqlTestSettings.host, port: mysqlTestSettings.port, database: myDb, user: 'root' }),
      ...(mysqlTestSettings.password ? { password: mysqlTestSettings.password } : {}),
      table: 'PATIENT',
      when: myUp,
    },
  ] as const;

  /** A project of the mini pack with its embedded target, and a connector of one kind in it. */
  async function projectWith(kind: (typeof kinds)[number], name = `PAS ${kind.type}`) {
    const projectId = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name, pack: 'mini' }),
      201,
    ).id as string;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
    const connector = expectStatus(
      await etl.post(`/api/projects/${projectId}/connectors`, {
        name: `Legacy ${kind.type}`,
        type: kind.type,
        config: kind.config(),
        ...('password' in kind ? { password: kind.password } : {}),
      }),
      201,
    );
    return { projectId, connectorId: connector.id as string };
  }

  async function runTo(projectId: string, body: object) {
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, { releaseProfile: 'development', ...body }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    return { started, run: expectStatus(await etl.get(`/api/runs/${started.id}`), 200) };
  }

  beforeAll(async () => {
    roots = await mkdtemp(join(tmpdir(), 'ferry-conn-runs-'));
    mine = join(roots, 'org');
    await miniPack().generate({ patients: 6, seed: 1, defects: 'none', outDir: join(roots, 'gen') });
    const csv = join(roots, 'gen', 'source');
    await writeJsonTables(join(mine, 'ndjson'), await csvFolderTables(csv), 'lines');
    await writeXlsxTables(join(mine, 'extract.xlsx'), await csvFolderTables(csv));
    await writeDelimitedDump(join(mine, 'dump'), await csvFolderTables(csv), '^', 'latin1');
    if (pgUp) await loadPostgresTables(testDatabaseUrl, pgSchema, await csvFolderTables(csv));
    if (myUp) await loadMysqlTables(mysqlTestSettings, myDb, await csvFolderTables(csv));
    const pgEndpoint = `${pgUrl.hostname}:${pgUrl.port || 5432}`;
    const myEndpoint = `${mysqlTestSettings.host}:${mysqlTestSettings.port}`;
    t = await createTestApp(pgliteDialect, {
      packs: new Map([['mini', miniPack()]]),
      // Both test servers are on loopback: the server's operator lists exactly their endpoints.
      config: { sourceRoots: [roots], localDbHosts: [pgEndpoint, myEndpoint], connectionTestsPerMinute: 1000 },
    });
    root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    org = await seedOrganisation(t.app, 'runs', root);
    expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [mine] }), 200);
    expectStatus(
      await root.put(`/api/orgs/${org.id}/target-hosts`, { hosts: [pgUrl.hostname, mysqlTestSettings.host] }),
      200,
    );
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'etl@runs.test',
        displayName: 'etl',
        password: userPassword,
        roles: ['etl_engineer'],
      }),
      201,
    );
    etl = await ApiCaller.login(t.app, 'etl@runs.test', userPassword);
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'analyst@runs.test',
        displayName: 'analyst',
        password: userPassword,
        roles: ['mapping_analyst'],
      }),
      201,
    );
    analyst = await ApiCaller.login(t.app, 'analyst@runs.test', userPassword);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await rm(roots, { recursive: true, force: true });
    if (pgUp) {
      const c = new pg.Client({ connectionString: testDatabaseUrl });
      await c.connect();
      await c.query(`drop schema if exists "${pgSchema}" cascade`);
      await c.end();
    }
    if (myUp) {
      const m = await mysql.createConnection(mysqlTestSettings);
      await m.query(`drop database if exists \`${myDb}\``);
      await m.end();
    }
  });

  const outcomes = new Map<string, unknown>();
  /** The PostgreSQL kind's project and its run, for the rerun. */
  const ran = new Map<string, { projectId: string; connectorId: string; lifecycleRunId: string }>();

  for (const kind of kinds) {
    const what = 'run' in kind && !kind.run ? 'builds the run source of' : 'runs';
    it.runIf(kind.when)(`tests, discovers, previews and ${what} a ${kind.type} connector`, async () => {
      const { projectId, connectorId } = await projectWith(kind);
      const types = expectStatus(await etl.get('/api/connector-types'), 200) as { type: string; runSource: boolean }[];
      expect(types.find((x) => x.type === kind.type)?.runSource).toBe(true);

      const tested = expectStatus(await etl.post(`/api/connectors/${connectorId}/test`), 200);
      expect(tested.ok).toBe(true);
      const schema = expectStatus(await etl.get(`/api/connectors/${connectorId}/schema`), 200);
      expect(schema.tables.map((x: { name: string }) => x.name)).toEqual(
        expect.arrayContaining(['PATIENT', 'REFERRAL']),
      );
      const rows = expectStatus(await etl.get(`/api/connectors/${connectorId}/tables/${kind.table}/rows`), 200);
      expect(rows.rows).toHaveLength(6);
      if ('run' in kind && !kind.run) {
        // The spec its run would open, built as the runner builds it, opens the same tables.
        const spec = await tenantTransaction(
          t.database.db,
          { orgId: org.id, userId: null, platformAccess: false },
          (tx) =>
            lifecycleSourceOfRun(tx, { ...t.config, secrets: t.app.platform.secrets }, org.id, {
              kind: 'connector',
              connector: { id: connectorId },
            }),
        );
        expect(spec).toEqual({ kind: 'connector', spec: `${kind.type}:${kind.config().path}` });
        const source = await openSourceSpec((spec as { spec: string }).spec);
        expect(source.tables()).toEqual(expect.arrayContaining(['PATIENT', 'REFERRAL']));
        await source.close();
        // A mapping analyst drafts the project's source from it, read in place.
        const drafted = expectStatus(
          await analyst.post(`/api/projects/${projectId}/source/draft`, { connectorId }),
          201,
        );
        expect(drafted.catalog.tables).toBeGreaterThanOrEqual(2);
        expect(drafted.profile.rows).toBe(12);
        return;
      }

      const { started, run } = await runTo(projectId, { source: { kind: 'connector', connectorId } });
      // The run's row names the connector, never a spec or a password: the spec is built when the run executes.
      expect(started.source).toEqual({
        kind: 'connector',
        connector: { id: connectorId, name: `Legacy ${kind.type}`, type: kind.type },
      });
      expect(run).toMatchObject({ status: 'succeeded', error: null });
      expect(run.record.arguments.source.kind).toBe('connector');
      expect(run.record.arguments.source.spec.startsWith(kind.type)).toBe(true);
      expect(run.record.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`)).toEqual([
        'generate:NotExecuted',
        'profile:Success',
        'map:Success',
        'migrate:Success',
        'check:Success',
        'gate:Success',
        'reconcile:Success',
        'evidence:Success',
      ]);
      expect(run.record.summary.sourceRows).toBe(12);
      outcomes.set(kind.type, { outcome: run.outcome, summary: run.record.summary });
      ran.set(kind.type, { projectId, connectorId, lifecycleRunId: run.lifecycleRunId });
      if ('password' in kind && kind.password) {
        const stored = await t.database.db.query<{ source: unknown }>('SELECT source FROM runs WHERE id = $1', [
          started.id,
        ]);
        expect(JSON.stringify(stored)).not.toContain(kind.password);
        expect(JSON.stringify(run)).not.toContain(kind.password);
        expect(run.record.arguments.source.spec).toContain(':***@');
      }
      const start = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=run.start`), 200);
      expect(start.items[0].details.connectorId).toBe(connectorId);
    });
  }

  it('ends every kind the same: the same outcome and summary from the same extract', () => {
    const seen = [...outcomes.values()];
    expect(seen.length).toBeGreaterThanOrEqual(pgUp && myUp ? 3 : 1);
    for (const o of seen) expect(o).toEqual(seen[0]);
  });

  it.runIf(pgUp)('reruns from reconcile on the same database, with the password unsealed again', async () => {
    const first = ran.get('postgres');
    expect(first).toBeDefined();
    const { projectId, connectorId, lifecycleRunId } = first!;
    const rerun = await runTo(projectId, { fromStage: 'reconcile' });
    expect(rerun.started.source).toEqual({
      kind: 'reused',
      connector: { id: connectorId, name: 'Legacy postgres', type: 'postgres' },
    });
    expect(rerun.run).toMatchObject({ status: 'succeeded', error: null });
    expect(rerun.run.record.arguments.reusedFrom).toBe(lifecycleRunId);
    expect(rerun.run.record.stages.find((s: { stage: string }) => s.stage === 'reconcile').status).toBe('Success');
    expect(JSON.stringify(rerun.run)).not.toContain(pgPassword);
  });

  it("builds a queued run's source again when it executes: reach re-checked, a withdrawn folder refused", async () => {
    const { projectId, connectorId } = await projectWith(kinds[0], 'PAS withdrawn');
    const queued = { kind: 'connector', connector: { id: connectorId, name: 'Legacy json', type: 'json' } };
    const sourceNow = () =>
      tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, (tx) =>
        lifecycleSourceOfRun(tx, { ...t.config, secrets: t.app.platform.secrets }, org.id, queued),
      );
    await expect(sourceNow()).resolves.toEqual({ kind: 'connector', spec: `json:${join(mine, 'ndjson')}` });
    // The operator withdraws the organisation's folder while the run is queued: it is not read.
    expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [] }), 200);
    try {
      await expect(sourceNow()).rejects.toThrow(/may read no source folders yet/);
      const refused = await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'connector', connectorId },
      });
      expect(refused.statusCode).toBe(400);
    } finally {
      expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [mine] }), 200);
    }
    // A rerun of a run read in place keeps the connector; other reruns only reuse.
    expect(rerunSourceOf(queued)).toEqual({ kind: 'reused', connector: queued.connector });
    expect(rerunSourceOf({ kind: 'reused', connector: queued.connector })).toEqual({
      kind: 'reused',
      connector: queued.connector,
    });
    expect(rerunSourceOf({ kind: 'generated', patients: 3, seed: 1, defects: 'none' })).toEqual({ kind: 'reused' });
  });
});
