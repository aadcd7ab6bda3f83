import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantTransaction } from '../../db/tenant-transaction.js';
import { projectRunDir, projectRunStore } from '../../jobs/project-run-paths.js';
import { ApiCaller, expectStatus } from '../../testing/api-client.js';
import { miniPack } from '../../testing/mini-pack.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  testAdmin,
  userPassword,
} from '../../testing/test-app.js';
import { describeEachDialect } from '../../testing/test-database.js';

const pgUp = await postgresReachable();
const targetPassword = 'staging-loader-secret-7f3a';

/**
 * Target databases and rollback through the API: the operator allows an organisation a database host, its admin
 * registers a PostgreSQL target there (password sealed, never returned), tests it (audited, rate-limited), a project
 * loads into it (resolved and unsealed by the runner at run time), and a cutover manager rolls the load back after a
 * confirmation naming the job and its row counts, refused as `ferry rollback` refuses it.
 */
await describeEachDialect('target databases and rollback', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let root: ApiCaller;
  let etl: ApiCaller;
  let lead: ApiCaller;
  let cutover: ApiCaller;
  let viewer: ApiCaller;
  let projectId: string;
  let targetId: string;
  let runId: string;
  let jobId: string;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let staging: PostgresDatabase;

  async function member(name: string, role: string): Promise<ApiCaller> {
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: `${name}@targets.test`,
        displayName: name,
        password: userPassword,
        roles: [role],
      }),
      201,
    );
    return ApiCaller.login(t.app, `${name}@targets.test`, userPassword);
  }

  const jobRows = async (table: string) =>
    Number(
      (
        await staging.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}" WHERE ferry_job_id = $1`, [
          jobId,
        ])
      )[0]!.n,
    );

  const audit = async (action: string) =>
    expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=${action}`), 200).items as {
      details: Record<string, unknown>;
      after: unknown;
    }[];

  beforeAll(async () => {
    if (!pgUp) return;
    t = await createTestApp(dialect, {
      packs: new Map([['mini', miniPack()]]),
      // The test's PostgreSQL is on loopback: the operator allows exactly it (and nothing else local).
      config: { localDbHosts: ['127.0.0.1:5432'], connectionTestsPerMinute: 3 },
    });
    root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    org = await seedOrganisation(t.app, 'targets', root);
    other = await seedOrganisation(t.app, 'elsewhere', root);
    etl = await member('etl', 'etl_engineer');
    lead = await member('lead', 'migration_lead');
    cutover = await member('cutover', 'cutover_manager');
    viewer = await member('viewer', 'viewer');
    projectId = expectStatus(
      await lead.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Mini', pack: 'mini' }),
      201,
    ).id;
    schema = await createTestSchema('ferry_target');
    staging = await PostgresDatabase.open(schema.url, { max: 1 });
  });
  afterAll(async () => {
    await staging?.close();
    await schema?.drop();
    await t?.close();
  });

  const stagingTarget = () => ({
    name: 'Staging',
    host: '127.0.0.1',
    port: 5432,
    database: new URL(schema.url).pathname.slice(1),
    schema: schema.schema,
    user: 'postgres',
    password: targetPassword,
  });

  it.runIf(pgUp)('registers targets only on the hosts the operator allowed, never local ones it did not', async () => {
    const none = await org.admin.post(`/api/orgs/${org.id}/targets`, stagingTarget());
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe(
      'field host: This organisation may connect to no target databases yet: the operator (a super admin) has not allowed it any database host',
    );
    expect((await etl.post(`/api/orgs/${org.id}/targets`, stagingTarget())).statusCode).toBe(403);
    // Only the operator sets the list.
    expect((await org.admin.put(`/api/orgs/${org.id}/target-hosts`, { hosts: ['127.0.0.1'] })).statusCode).toBe(403);
    expectStatus(
      await root.put(`/api/orgs/${org.id}/target-hosts`, { hosts: ['127.0.0.1:5432', '169.254.169.254', 'LOCALHOST'] }),
      200,
    );
    for (const [host, port, message] of [
      [
        '169.254.169.254',
        5432,
        'field host: This server may not connect to 169.254.169.254:5432: a loopback or link-local address (unless the operator lists it in FERRY_DB_LOCAL_HOSTS)',
      ],
      [
        'localhost',
        5432,
        'field host: This server may not connect to localhost:5432: a loopback or link-local address (unless the operator lists it in FERRY_DB_LOCAL_HOSTS)',
      ],
      [
        '127.0.0.1',
        5433,
        "field host: This server may not connect to 127.0.0.1:5433; allowed database hosts: 127.0.0.1:5432, 169.254.169.254, localhost (the organisation's target hosts, set by the operator)",
      ],
    ] as const) {
      const res = await org.admin.post(`/api/orgs/${org.id}/targets`, { ...stagingTarget(), host, port });
      expect({ host, status: res.statusCode, message: res.json().error.message }).toEqual({
        host,
        status: 400,
        message,
      });
    }
    // Another organisation's list is its own: still empty.
    expect((await other.admin.post(`/api/orgs/${other.id}/targets`, stagingTarget())).statusCode).toBe(400);

    const created = expectStatus(await org.admin.post(`/api/orgs/${org.id}/targets`, stagingTarget()), 201);
    targetId = created.id;
    expect(created).toEqual({
      id: expect.any(String),
      organisationId: org.id,
      name: 'Staging',
      host: '127.0.0.1',
      port: 5432,
      database: stagingTarget().database,
      schema: schema.schema,
      user: 'postgres',
      passwordSet: true,
      createdBy: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const stored = await t.database.db.query<{ secret: string }>('SELECT secret FROM target_databases');
    expect(stored[0]!.secret).toMatch(/^v1\./);
    expect(stored[0]!.secret).not.toContain(targetPassword);
    const listed = expectStatus(await etl.get(`/api/orgs/${org.id}/targets`), 200);
    expect(listed).toEqual({ targets: [created], allowedHosts: ['127.0.0.1:5432', '169.254.169.254', 'localhost'] });
    expect(JSON.stringify(listed)).not.toContain(targetPassword);
    expect((await viewer.get(`/api/orgs/${org.id}/targets`)).statusCode).toBe(403);
    const audited = await audit('target.create');
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited)).not.toContain(targetPassword);
    expect((await audit('target.hosts_set'))[0]!.details).toEqual({
      before: [],
      after: ['127.0.0.1:5432', '169.254.169.254', 'localhost'],
    });

    // Tenant isolation: the other organisation sees, tests and deletes nothing of it.
    expect(expectStatus(await other.admin.get(`/api/orgs/${other.id}/targets`), 200).targets).toEqual([]);
    expect((await other.admin.get(`/api/orgs/${org.id}/targets`)).statusCode).toBe(404);
    expect((await other.admin.post(`/api/targets/${targetId}/test`)).statusCode).toBe(404);
    expect((await other.admin.delete(`/api/targets/${targetId}`)).statusCode).toBe(404);
    const forced = await t.database.db.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relname IN ('target_databases', 'target_host_allowlist')
        ORDER BY 1`,
    );
    expect(forced).toEqual([
      { relname: 'target_databases', relrowsecurity: true, relforcerowsecurity: true },
      { relname: 'target_host_allowlist', relrowsecurity: true, relforcerowsecurity: true },
    ]);
    // The application role cannot change an allow-list outside platform access, whatever a route would do.
    await expect(
      tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, (tx) =>
        tx.run.query(`INSERT INTO target_host_allowlist (organisation_id, host) VALUES ($1, 'evil.example')`, [org.id]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it.runIf(pgUp)('tests a target connection, audited and rate-limited', async () => {
    const res = expectStatus(await org.admin.post(`/api/targets/${targetId}/test`), 200);
    expect(res).toEqual({
      ok: true,
      checks: [
        { name: 'connection', ok: true, message: expect.stringMatching(/^connected to PostgreSQL \d+/) },
        {
          name: 'schema',
          ok: true,
          message: `schema ${schema.schema}: 0 table(s), 0 Ferry job(s) loaded; the account may create tables`,
        },
      ],
    });
    expect((await etl.post(`/api/targets/${targetId}/test`)).statusCode).toBe(403);
    expect((await audit('target.test')).map((e) => e.details)).toEqual([{ ok: true, failed: [] }]);
    // Three tests a minute from one address, refused ones included (the other organisation's, the engineer's): the
    // fourth is throttled before it reaches a database.
    const throttled = await org.admin.post(`/api/targets/${targetId}/test`);
    expect(throttled.statusCode).toBe(429);
    expect((await audit('target.test')).map((e) => e.details)).toEqual([{ ok: true, failed: [] }]);
  });

  it.runIf(pgUp)('loads a run into the project target, resolved from the registry at run time', async () => {
    expectStatus(await lead.put(`/api/projects/${projectId}/settings`, { target: 'database', targetId }), 200);
    expect((await lead.put(`/api/projects/${projectId}/settings`, { target: 'database' })).statusCode).toBe(400);
    expect(
      (await other.admin.put(`/api/projects/${projectId}/settings`, { target: 'database', targetId })).statusCode,
    ).toBe(404);
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 6, seed: 1, defects: 'typical' },
      }),
      202,
    );
    runId = started.id;
    expect(started.targetId).toBe(targetId);
    await t.app.platform.jobs.whenIdle();
    const run = expectStatus(await etl.get(`/api/runs/${runId}`), 200);
    expect(run).toMatchObject({ status: 'succeeded', outcome: 'FAIL', error: null, targetId, rollback: null });
    expect(run.record.summary).toMatchObject({ loadedRows: 10, rejectedRows: 2 });
    jobId = run.record.jobId;
    expect({ pmi: await jobRows('LOAD_PMI'), referrals: await jobRows('LOAD_REFERRALS') }).toEqual({
      pmi: 5,
      referrals: 5,
    });
    // The record names the target without its password; nothing went into the project's embedded database.
    const record = await projectRunStore(t.config.dataDir, projectId).load(run.lifecycleRunId);
    expect(record.arguments.target).toContain(`@127.0.0.1:5432/${stagingTarget().database}`);
    expect(record.arguments.target).not.toContain(targetPassword);
    const runJson = await readFile(
      join(projectRunDir(t.config.dataDir, projectId), 'runs', run.lifecycleRunId, 'run.json'),
      'utf8',
    );
    expect(runJson).not.toContain(targetPassword);
    expect((await audit('run.start'))[0]!.details).toMatchObject({ targetId, target: 'Staging' });
  });

  it.runIf(pgUp)(
    'rolls the load back after a confirmation naming the job and its counts, refused as the CLI refuses it',
    async () => {
      expect((await viewer.get(`/api/runs/${runId}/rollback`)).statusCode).toBe(403);
      expect((await etl.get(`/api/runs/${runId}/rollback`)).statusCode).toBe(403);
      const preview = expectStatus(await cutover.get(`/api/runs/${runId}/rollback`), 200);
      expect(preview).toEqual({
        runId,
        jobId,
        target: 'target database Staging',
        status: 'completed',
        tables: [
          { table: 'LOAD_REFERRALS', rows: 5, restored: 0 },
          { table: 'LOAD_PMI', rows: 5, restored: 0 },
        ],
        refusal: null,
      });
      // While a later job's before-images hold this job's rows, the rollback is refused as `ferry rollback` refuses it.
      await staging.query(
        `INSERT INTO ferry_row_images (job_id, target_table, target_key, chunk_no, before_job_id, image)
       VALUES ('JOB-LATER', 'LOAD_PMI', '1', 0, $1, '{}')`,
        [jobId],
      );
      const refusal = `Job ${jobId} cannot be undone exactly: later job JOB-LATER (1 rows) updated rows it loaded; roll it back first`;
      expect(expectStatus(await cutover.get(`/api/runs/${runId}/rollback`), 200).refusal).toBe(refusal);
      const blocked = await cutover.post(`/api/runs/${runId}/rollback`, { jobId });
      expect({ status: blocked.statusCode, message: blocked.json().error.message }).toEqual({
        status: 409,
        message: refusal,
      });
      expect(await jobRows('LOAD_PMI')).toBe(5);
      await staging.query(`DELETE FROM ferry_row_images WHERE job_id = 'JOB-LATER'`);
      // A confirmation of another job is refused (and audited); nothing changes.
      const wrong = await cutover.post(`/api/runs/${runId}/rollback`, { jobId: 'JOB-OTHER' });
      expect(wrong.statusCode).toBe(409);
      expect(await jobRows('LOAD_PMI')).toBe(5);

      const rolled = expectStatus(await cutover.post(`/api/runs/${runId}/rollback`, { jobId }), 200);
      expect(rolled.rollback).toEqual({
        jobId,
        at: expect.any(String),
        by: 'cutover@targets.test',
        tables: preview.tables,
      });
      expect({ pmi: await jobRows('LOAD_PMI'), referrals: await jobRows('LOAD_REFERRALS') }).toEqual({
        pmi: 0,
        referrals: 0,
      });
      // In the run's history, its audit trail and its artefacts.
      const events = await t.app.platform.runEvents.read(
        (fn) => tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, fn),
        runId,
      );
      expect(events.at(-1)).toEqual({
        type: 'run-rollback',
        jobId,
        by: 'cutover@targets.test',
        tables: preview.tables,
      });
      expect((await audit('run.rollback')).map((e) => e.details)).toEqual([
        { jobId, target: 'target database Staging', tables: preview.tables },
      ]);
      const files = expectStatus(await etl.get(`/api/runs/${runId}/artefacts`), 200);
      expect(files).toContainEqual({ stage: 'migrate', file: 'rollback.json', bytes: expect.any(Number) });
      const artefact = await etl.get(`/api/runs/${runId}/artefacts/migrate/rollback.json`);
      expect(artefact.json()).toEqual({ ...rolled.rollback, target: 'target database Staging' });

      // Again: the CLI's refusal, word for word.
      const again = await cutover.post(`/api/runs/${runId}/rollback`, { jobId });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe(`Job ${jobId} is already rolled back`);
      expect(expectStatus(await cutover.get(`/api/runs/${runId}/rollback`), 200)).toMatchObject({
        status: 'rolled_back',
        refusal: `Job ${jobId} is already rolled back`,
      });
      expect((await audit('run.rollback_refused')).map((e) => e.details)).toEqual([
        { jobId, reason: `Job ${jobId} is already rolled back` },
        {
          jobId,
          reason: `The rollback confirmed job JOB-OTHER, but run ${runId} loaded job ${jobId}: confirm again`,
        },
        { jobId, reason: refusal },
      ]);
    },
  );

  it.runIf(pgUp)('checks the host again when a run executes: a host the operator withdrew fails the run', async () => {
    expectStatus(await root.put(`/api/orgs/${org.id}/target-hosts`, { hosts: [] }), 200);
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 2, seed: 2 },
        toStage: 'migrate',
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    const run = expectStatus(await etl.get(`/api/runs/${started.id}`), 200);
    expect(run).toMatchObject({ status: 'failed', targetId });
    expect(run.error).toContain('has not allowed it any database host');
    expectStatus(await root.put(`/api/orgs/${org.id}/target-hosts`, { hosts: ['127.0.0.1:5432'] }), 200);
  });

  it.runIf(pgUp)('refuses to delete a target a project loads into; deletes it, audited, once none does', async () => {
    const used = await org.admin.delete(`/api/targets/${targetId}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toBe(
      'Target database Staging is the target of project Mini: choose another target there first',
    );
    expectStatus(await lead.put(`/api/projects/${projectId}/settings`, { target: 'pglite' }), 200);
    expectStatus(await org.admin.delete(`/api/targets/${targetId}`), 200);
    expect(expectStatus(await org.admin.get(`/api/orgs/${org.id}/targets`), 200).targets).toEqual([]);
    expect((await audit('target.delete')).map((e) => e.details)).toHaveLength(1);
    // A run into it can no longer be rolled back from here: the registry no longer knows where it is.
    const gone = await cutover.get(`/api/runs/${runId}/rollback`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toBe(`Target database ${targetId} is no longer registered`);
  });

  it.runIf(pgUp)("rolls back a load into the project's embedded database", async () => {
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 2, seed: 4 },
        toStage: 'migrate',
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    const run = expectStatus(await etl.get(`/api/runs/${started.id}`), 200);
    expect(run).toMatchObject({ status: 'succeeded', targetId: null });
    const preview = expectStatus(await lead.get(`/api/runs/${started.id}/rollback`), 200);
    expect(preview).toMatchObject({
      jobId: run.record.jobId,
      target: "the project's embedded database",
      refusal: null,
    });
    expect(preview.tables).toEqual([
      { table: 'LOAD_REFERRALS', rows: 2, restored: 0 },
      { table: 'LOAD_PMI', rows: 2, restored: 0 },
    ]);
    const rolled = expectStatus(await lead.post(`/api/runs/${started.id}/rollback`, { jobId: preview.jobId }), 200);
    expect(rolled.rollback.tables).toEqual(preview.tables);
    expect(expectStatus(await lead.get(`/api/runs/${started.id}/rollback`), 200)).toMatchObject({
      status: 'rolled_back',
      tables: [
        { table: 'LOAD_REFERRALS', rows: 0, restored: 0 },
        { table: 'LOAD_PMI', rows: 0, restored: 0 },
      ],
    });
  });

  it.runIf(pgUp)('refuses to roll back a load into CSV files, as the CLI does', async () => {
    expectStatus(await lead.put(`/api/projects/${projectId}/settings`, { target: 'csv' }), 200);
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 2, seed: 3 },
        toStage: 'migrate',
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    expect(expectStatus(await etl.get(`/api/runs/${started.id}`), 200).status).toBe('succeeded');
    const res = await cutover.get(`/api/runs/${started.id}/rollback`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'A CSV target is a folder of files: delete it, or rerun the job; rollback works on database targets',
    );
  });
});
