import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
  userPassword,
} from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';

/**
 * Triage of quality issues: a DQ lead gives an issue (a check's finding on one target key) a status, an owner and a
 * note; the triage belongs to the issue's identity in the project, so the same issue in a later run shows it. It is
 * audited with the state before and after; a viewer or an ETL engineer may read it but not change it.
 */
await describeEachDialect('issue triage', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let etl: ApiCaller;
  let dq: ApiCaller;
  let viewer: ApiCaller;
  let reviewerId: string;
  let firstRun: string;

  async function member(name: string, role: string): Promise<{ caller: ApiCaller; id: string }> {
    const email = `${name.toLowerCase().replaceAll(' ', '.')}@triage.test`;
    const created = expectStatus(
      await createOrgUser(org.admin, org.id, {
        email,
        displayName: name,
        password: userPassword,
        roles: [role],
      }),
      201,
    );
    return { caller: await ApiCaller.login(t.app, email, userPassword), id: created.id };
  }

  async function run(): Promise<string> {
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 6, seed: 1, defects: 'typical' },
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    return started.id;
  }

  const issue6 = { checkId: 'pmi.gender.recorded', targetTable: 'LOAD_PMI', targetKey: '6', field: 'GENDER' };

  beforeAll(async () => {
    t = await createTestApp(dialect, { packs: new Map([['mini', miniPack()]]) });
    org = await seedOrganisation(t.app, 'triage');
    etl = (await member('etl', 'etl_engineer')).caller;
    dq = (await member('dq', 'dq_lead')).caller;
    viewer = (await member('viewer', 'viewer')).caller;
    reviewerId = (await member('Clare Reviewer', 'clinical_reviewer')).id;
    projectId = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Triage', pack: 'mini' }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
    firstRun = await run();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('triages an issue with a status, an owner and a note, shown on the issue', async () => {
    const body = {
      ...issue6,
      runId: firstRun,
      status: 'accepted_risk',
      ownerId: reviewerId,
      note: 'sex not recorded at source',
    };
    const saved = expectStatus(await dq.put(`/api/projects/${projectId}/quality/triage`, body), 200);
    expect(saved).toMatchObject({
      ...issue6,
      status: 'accepted_risk',
      ownerId: reviewerId,
      ownerName: 'Clare Reviewer',
      note: 'sex not recorded at source',
      runId: firstRun,
      updatedByName: 'dq',
    });
    const issues = expectStatus(
      await viewer.get(`/api/runs/${firstRun}/quality/issues?checkId=pmi.gender.recorded`),
      200,
    );
    expect(
      issues.items.map((i: { targetKey: string; triage: { status: string } | null }) => [
        i.targetKey,
        i.triage?.status ?? null,
      ]),
    ).toEqual([
      ['3', null],
      ['6', 'accepted_risk'],
    ]);
    const untriaged = expectStatus(await viewer.get(`/api/runs/${firstRun}/quality/issues?triage=untriaged`), 200);
    expect(untriaged.items.map((i: { targetKey: string }) => i.targetKey)).toEqual(['3']);
  });

  it('keeps the triage for the same issue in a later run, and lists it for the project', async () => {
    const second = await run();
    const issues = expectStatus(await viewer.get(`/api/runs/${second}/quality/issues?triage=accepted_risk`), 200);
    expect(issues).toMatchObject({
      total: 1,
      items: [{ ...issue6, triage: { status: 'accepted_risk', runId: firstRun } }],
    });
    const list = expectStatus(await viewer.get(`/api/projects/${projectId}/quality/triage`), 200);
    expect(list).toMatchObject({ total: 1, items: [{ ...issue6, status: 'accepted_risk' }] });
    // Triaged again in the later run: the same row changes, audited with the state before and after.
    expectStatus(
      await dq.put(`/api/projects/${projectId}/quality/triage`, {
        ...issue6,
        runId: second,
        status: 'fixed_in_source',
      }),
      200,
    );
    const audit = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=quality.triage`), 200);
    expect(audit.items).toHaveLength(2);
    const [latest, first] = audit.items;
    expect(latest).toMatchObject({
      actor: 'dq@triage.test',
      details: {
        ...issue6,
        statusBefore: 'accepted_risk',
        status: 'fixed_in_source',
        ownerBefore: reviewerId,
        owner: null,
      },
    });
    expect(first.details).toMatchObject({ statusBefore: null, status: 'accepted_risk' });
    expect(latest.beforeHash).toBe(first.afterHash);
    expect(latest.afterHash).not.toBe(latest.beforeHash);
  });

  it('refuses triage to roles without quality.triage, and bad triage requests', async () => {
    const body = { ...issue6, runId: firstRun, status: 'acknowledged' };
    expect((await viewer.put(`/api/projects/${projectId}/quality/triage`, body)).statusCode).toBe(403);
    expect((await etl.put(`/api/projects/${projectId}/quality/triage`, body)).statusCode).toBe(403);
    expect((await viewer.get(`/api/projects/${projectId}/quality/triage/owners`)).statusCode).toBe(403);
    const owners = expectStatus(await dq.get(`/api/projects/${projectId}/quality/triage/owners`), 200);
    expect(owners.map((o: { displayName: string }) => o.displayName)).toContain('Clare Reviewer');
    const unknown = await dq.put(`/api/projects/${projectId}/quality/triage`, { ...body, targetKey: '999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/has no issue of check pmi.gender.recorded on LOAD_PMI key 999/);
    const stranger = await seedOrganisation(t.app, 'elsewhere');
    const foreignOwner = await dq.put(`/api/projects/${projectId}/quality/triage`, {
      ...body,
      ownerId: stranger.adminId,
    });
    expect(foreignOwner.statusCode).toBe(400);
    expect((await dq.put(`/api/projects/${projectId}/quality/triage`, { ...body, status: 'ignored' })).statusCode).toBe(
      400,
    );
  });
});
