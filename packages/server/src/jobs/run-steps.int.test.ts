import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
import { projectRunDir } from './project-run-paths.js';

/**
 * A lifecycle run stage by stage through the API, and a restored snapshot: an ETL engineer runs generate and profile,
 * then each later stage alone (each reusing the run before it); every run records its outcome, the gate's verdict and
 * the exit code the CLI gives for the same ending. Then an earlier run is restored and the next rerun reuses it.
 */
await describeEachDialect('runs stage by stage', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let etl: ApiCaller;
  let viewer: ApiCaller;

  async function member(name: string, role: string): Promise<ApiCaller> {
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: `${name}@steps.test`,
        displayName: name,
        password: userPassword,
        roles: [role],
      }),
      201,
    );
    return ApiCaller.login(t.app, `${name}@steps.test`, userPassword);
  }

  async function runToEnd(body: object) {
    const started = expectStatus(await etl.post(`/api/projects/${projectId}/runs`, body), 202);
    await t.app.platform.jobs.whenIdle();
    return expectStatus(await viewer.get(`/api/runs/${started.id}`), 200);
  }

  const statuses = (run: { record: { stages: { stage: string; status: string }[] } }) =>
    run.record.stages.map((s) => `${s.stage}:${s.status}`).join(' ');

  beforeAll(async () => {
    t = await createTestApp(dialect, { packs: new Map([['mini', miniPack()]]) });
    org = await seedOrganisation(t.app, 'steps');
    etl = await member('etl', 'etl_engineer');
    viewer = await member('viewer', 'viewer');
    projectId = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Steps', pack: 'mini' }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs one stage at a time, each PARTIAL with exit code 0, and ends with the verdict of a whole run', async () => {
    const cohort = { kind: 'generated', patients: 6, seed: 1, defects: 'typical' };
    const first = await runToEnd({ releaseProfile: 'development', source: cohort, toStage: 'profile' });
    expect(first).toMatchObject({ status: 'succeeded', outcome: 'PARTIAL', exitCode: 0, gateOutcome: null });
    expect(first.toStage).toBe('profile');
    expect(statuses(first)).toBe(
      'generate:Success profile:Success map:NotExecuted migrate:NotExecuted check:NotExecuted gate:NotExecuted reconcile:NotExecuted evidence:NotExecuted',
    );
    const runs: Record<string, { outcome: string; gateOutcome: string | null; exitCode: number }> = {};
    for (const stage of ['map', 'migrate', 'check', 'gate', 'reconcile']) {
      const run = await runToEnd({ releaseProfile: 'development', fromStage: stage, toStage: stage });
      expect({
        stage,
        ran: run.record.stages.filter((s: { status: string }) => s.status === 'Success').length,
      }).toEqual({ stage, ran: 1 });
      runs[stage] = run;
    }
    expect(runs.check).toMatchObject({ outcome: 'PARTIAL', exitCode: 0, gateOutcome: null });
    expect(runs.gate).toMatchObject({ outcome: 'PARTIAL', exitCode: 0, gateOutcome: 'FAIL' });
    expect(runs.reconcile).toMatchObject({ outcome: 'PARTIAL', gateOutcome: 'FAIL' }); // the gate's verdict, reused
    const last = await runToEnd({ releaseProfile: 'development', fromStage: 'evidence' });
    expect(last).toMatchObject({ outcome: 'FAIL', exitCode: 1, gateOutcome: 'FAIL', toStage: null });
    expect(last.record.summary).toMatchObject({ sourceRows: 12, loadedRows: 10, rejectedRows: 2 });
    // Where the rejects are, as counts a viewer may read (patient 2's unknown sex code, and its referral).
    const rejects = expectStatus(await viewer.get(`/api/runs/${last.id}/rejects`), 200);
    expect(rejects.byReason.reduce((n: number, r: { rows: number }) => n + r.rows, 0)).toBeGreaterThanOrEqual(2);
    expect(rejects.tables.map((t: { sourceTable: string; rejected: number }) => [t.sourceTable, t.rejected])).toEqual([
      ['PATIENT', 1],
      ['REFERRAL', 1],
    ]);
    expect(JSON.stringify(rejects)).not.toMatch(/SMITH|JONES|TAYLOR|BROWN|WILSON/i);
    expect((await viewer.get(`/api/runs/${first.id}/rejects`)).statusCode).toBe(404);
    const list = expectStatus(await viewer.get(`/api/projects/${projectId}/runs?pageSize=1`), 200);
    expect(list.items[0]).toMatchObject({ id: last.id, outcome: 'FAIL', exitCode: 1, gateOutcome: 'FAIL' });

    const backwards = await etl.post(`/api/projects/${projectId}/runs`, {
      releaseProfile: 'development',
      fromStage: 'gate',
      toStage: 'map',
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('restores an earlier run as the current one: the next rerun reuses its artefacts; audited', async () => {
    const before = expectStatus(await viewer.get(`/api/projects/${projectId}/runs/current`), 200);
    expect(before.restored).toBe(false);
    const runs = expectStatus(await viewer.get(`/api/projects/${projectId}/runs?pageSize=100`), 200).items;
    const checkRun = runs.find((r: { fromStage: string | null; toStage: string | null }) => r.toStage === 'check');
    expect((await viewer.post(`/api/runs/${checkRun.id}/restore`, {})).statusCode).toBe(403);
    const restored = expectStatus(await etl.post(`/api/runs/${checkRun.id}/restore`, {}), 200);
    expect(restored).toEqual({ runId: checkRun.id, lifecycleRunId: checkRun.lifecycleRunId, restored: true });
    expect(expectStatus(await viewer.get(`/api/projects/${projectId}/runs/current`), 200)).toEqual(restored);

    const rerun = await runToEnd({ releaseProfile: 'pre_production', fromStage: 'gate', toStage: 'gate' });
    expect(rerun.record.arguments.reusedFrom).toBe(checkRun.lifecycleRunId);
    expect(rerun).toMatchObject({ outcome: 'PARTIAL', gateOutcome: 'FAIL' });
    // A new run is current again.
    expect(expectStatus(await viewer.get(`/api/projects/${projectId}/runs/current`), 200)).toMatchObject({
      runId: rerun.id,
      restored: false,
    });
    const audit = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=run.restore`), 200);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ targetId: checkRun.id, details: { to: checkRun.lifecycleRunId } });
  });

  it('refuses to restore a run that did not finish, and reports a failed run with the exit code of its error', async () => {
    // The current run stopped after gate: evidence alone has no reconciliation to reuse, a user error (exit code 2).
    const failed = await runToEnd({ releaseProfile: 'development', fromStage: 'evidence' });
    expect(failed).toMatchObject({ status: 'failed', outcome: 'ERROR', exitCode: 2 });
    expect(failed.error).toMatch(/stage reconcile did not complete/);
    const queued = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 3 },
      }),
      202,
    );
    expectStatus(await etl.post(`/api/runs/${queued.id}/cancel`), 202);
    await t.app.platform.jobs.whenIdle();
    const refused = await etl.post(`/api/runs/${queued.id}/restore`, {});
    expect(refused.statusCode).toBe(409);
  });
});
