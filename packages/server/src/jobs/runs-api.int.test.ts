import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceFiles } from '@ferry/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantTransaction } from '../db/tenant-transaction.js';
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
 * Lifecycle runs through the API: an ETL engineer starts a run of the project's contract on a synthetic cohort; it
 * runs in the job runner (in process on PGlite, queued and executed by graphile-worker on PostgreSQL); its progress streams as server-sent events; its artefacts, quality KPIs and
 * issues, gate report and evidence package are served; a cutover manager (not the starter) decides the gate.
 */
await describeEachDialect('runs API', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let etl: ApiCaller;
  let cutover: ApiCaller;
  let viewer: ApiCaller;
  let runId: string;

  async function member(name: string, role: string): Promise<ApiCaller> {
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: `${name}@runs.test`,
        displayName: name,
        password: userPassword,
        roles: [role],
      }),
      201,
    );
    return ApiCaller.login(t.app, `${name}@runs.test`, userPassword);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { packs: new Map([['mini', miniPack()]]) });
    org = await seedOrganisation(t.app, 'runs');
    etl = await member('etl', 'etl_engineer');
    cutover = await member('cutover', 'cutover_manager');
    viewer = await member('viewer', 'viewer');
    const lead = await member('lead', 'migration_lead');
    projectId = expectStatus(
      await lead.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Mini', pack: 'mini' }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 6, seed: 1, defects: 'typical' },
      }),
      202,
    );
    expect(started).toMatchObject({ status: 'queued', releaseProfile: 'development', fromStage: null });
    runId = started.id;
    await t.app.platform.jobs.whenIdle();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs the lifecycle in the job runner and records the outcome', async () => {
    const run = expectStatus(await viewer.get(`/api/runs/${runId}`), 200);
    expect(run).toMatchObject({
      status: 'succeeded',
      outcome: 'FAIL',
      error: null,
      currentStage: null,
      lifecycleRunId: expect.stringMatching(/^run-/),
    });
    expect(run.record.stages.map((s: { status: string }) => s.status)).toEqual(Array(8).fill('Success'));
    expect(run.record.summary).toMatchObject({ sourceRows: 12, loadedRows: 10, rejectedRows: 2 });
    const list = expectStatus(await viewer.get(`/api/projects/${projectId}/runs`), 200);
    expect(list).toMatchObject({ total: 1, items: [{ id: runId, status: 'succeeded' }] });
    const metrics = (await viewer.get('/metrics')).body;
    expect(metrics).toMatch(/ferry_runs_total\{status="succeeded",outcome="FAIL"\} 1/);
  });

  it('streams the run as server-sent events, ending with run-finished', async () => {
    const res = await viewer.get(`/api/runs/${runId}/events`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.body).toBe(
      'event: run-finished\ndata: {"type":"run-finished","status":"succeeded","outcome":"FAIL"}\n\n',
    );
    const log = await t.app.platform.runEvents.read(
      (fn) => tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, fn),
      runId,
    );
    const live = log.map((e) => e.type);
    expect(live.slice(0, 2)).toEqual(['run-status', 'run-status']);
    expect(live).toContain('stage-start');
    expect(live).toContain('stage-progress');
    expect(live.at(-1)).toBe('run-finished');
  });

  it('lists artefacts and serves one only with evidence.download, audited, refusing paths that leave the stage', async () => {
    const files = expectStatus(await viewer.get(`/api/runs/${runId}/artefacts`), 200);
    expect(files).toContainEqual({ stage: 'migrate', file: 'rejects.csv', bytes: expect.any(Number) });
    expect(files).toContainEqual({ stage: 'evidence', file: 'manifest.json', bytes: expect.any(Number) });
    expect((await viewer.get(`/api/runs/${runId}/artefacts/migrate/rejects.csv`)).statusCode).toBe(403);
    const rejects = await etl.get(`/api/runs/${runId}/artefacts/migrate/rejects.csv`);
    expect(rejects.statusCode).toBe(200);
    expect(rejects.headers['content-disposition']).toBe('attachment; filename="rejects.csv"');
    expect(rejects.body.split('\n').filter(Boolean)).toHaveLength(3);
    for (const bad of ['..%2F..%2Frun.json', '.hidden', '..', 'a%2Fb.csv']) {
      const res = await etl.get(`/api/runs/${runId}/artefacts/migrate/${bad}`);
      expect({ bad, status: res.statusCode }).toEqual({ bad, status: expect.toBeOneOf([400, 404]) });
      expect(res.body).not.toContain('source_table');
    }
    const downloads = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=artefact.download`), 200);
    expect(downloads.items.map((e: { details: unknown }) => e.details)).toEqual([
      { stage: 'migrate', file: 'rejects.csv' },
    ]);
  });

  it('serves quality KPIs and paged issues (keys, never values)', async () => {
    const kpis = expectStatus(await viewer.get(`/api/runs/${runId}/quality/kpis`), 200);
    expect(kpis.checks).toEqual([
      expect.objectContaining({ id: 'pmi.gender.recorded', numerator: 2, denominator: 5, executed: true }),
    ]);
    expect(kpis.domains.map((d: { domain: string }) => d.domain)).toEqual(['PMI']);
    const issues = expectStatus(
      await viewer.get(`/api/runs/${runId}/quality/issues?pageSize=1&page=2&checkId=pmi.gender.recorded`),
      200,
    );
    // Patients 3 and 6 have no sex recorded; patient 2's unknown code was rejected, not loaded.
    expect(issues).toMatchObject({
      total: 2,
      page: 2,
      items: [
        {
          checkId: 'pmi.gender.recorded',
          targetTable: 'LOAD_PMI',
          targetKey: '6',
          sourceTable: 'PATIENT',
          sourceKey: '6',
          field: 'GENDER',
        },
      ],
    });
    expect(JSON.stringify(issues)).not.toMatch(/SMITH|JONES|TAYLOR|BROWN|WILSON/i);
  });

  it('serves the gate report; the starter cannot decide it, a cutover manager can', async () => {
    const gate = expectStatus(await viewer.get(`/api/runs/${runId}/gate`), 200);
    expect(gate.report).toMatchObject({ outcome: 'FAIL', profile: 'development' });
    expect(gate).toMatchObject({ decisions: [], current: null });
    const decideAs = (
      who: ApiCaller,
      decision: string,
      note = 'Reviewed at the cutover board',
      profile = 'development',
    ) => who.post(`/api/runs/${runId}/gate/decision`, { decision, note, profile });
    const etlDecides = await decideAs(etl, 'no_go');
    expect(etlDecides.statusCode).toBe(403); // etl_engineer lacks gate.decide
    // Given gate.decide (by the admin, who does not hold etl_engineer), the engineer still cannot decide the gate of a
    // run they started (and whose release profile they chose): refused and audited.
    const etlPermissions = expectStatus(await org.admin.get(`/api/orgs/${org.id}/roles`), 200).roles.etl_engineer;
    const setEtl = (permissions: string[]) => org.admin.put(`/api/orgs/${org.id}/roles/etl_engineer`, { permissions });
    expectStatus(await setEtl([...etlPermissions, 'gate.decide']), 200);
    const starterDecides = await decideAs(etl, 'no_go');
    expect(starterDecides.json().error).toMatchObject({
      code: 'FERRY_ERR_SEPARATION_OF_DUTIES',
      message: 'You started this run; another person must decide its gate',
    });
    expectStatus(await setEtl(etlPermissions), 200);
    const refusals = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=gate.decide_refused`), 200);
    expect(refusals.items).toHaveLength(1);
    expect(refusals.items[0]).toMatchObject({
      actor: 'etl@runs.test',
      targetType: 'run',
      targetId: runId,
      details: { reason: 'separation_of_duties' },
    });
    const lead = await ApiCaller.login(t.app, 'lead@runs.test', userPassword);
    expect((await decideAs(lead, 'no_go')).statusCode).toBe(403);
    const go = await decideAs(cutover, 'go');
    expect(go.json().error).toMatchObject({
      code: 'FERRY_ERR_CONFLICT',
      message: "A go needs a passed run; this run's outcome is FAIL",
    });
    // A decision is deliberate: no rationale, a one-word one, or a profile other than the one the run was gated at
    // are refused; nothing is recorded.
    const bare = await cutover.post(`/api/runs/${runId}/gate/decision`, { decision: 'no_go', profile: 'development' });
    expect(bare.statusCode).toBe(400);
    expect((await decideAs(cutover, 'no_go', '  fine  ')).json().error.message).toMatch(
      /A decision needs a rationale of at least 10 characters/,
    );
    expect((await decideAs(cutover, 'no_go', 'Reviewed at the board', 'production')).json().error).toMatchObject({
      code: 'FERRY_ERR_CONFLICT',
      message: 'The run was gated at the development profile, not production; confirm the profile it was gated at',
    });
    expect((await decideAs(cutover, 'withdrawn', 'Nothing to take back yet')).json().error).toMatchObject({
      code: 'FERRY_ERR_CONFLICT',
      message: 'There is no decision in force to withdraw',
    });
    expect(expectStatus(await viewer.get(`/api/runs/${runId}/gate`), 200).decisions).toEqual([]);
    const noGo = expectStatus(await decideAs(cutover, 'no_go', '  rejects to fix before rehearsal 2 '), 201);
    expect(noGo).toMatchObject({
      decision: 'no_go',
      note: 'rejects to fix before rehearsal 2',
      profile: 'development',
      warnings: gate.report.warnings.length,
      supersedes: null,
      supersededBy: null,
    });
    // A later decision supersedes the one in force; one made against a decision since replaced is refused.
    const rollback = expectStatus(
      await cutover.post(`/api/runs/${runId}/gate/decision`, {
        decision: 'rollback',
        note: 'Roll back the rehearsal load',
        profile: 'development',
        supersedes: noGo.id,
      }),
      201,
    );
    expect(rollback).toMatchObject({ decision: 'rollback', supersedes: noGo.id });
    const stale = await cutover.post(`/api/runs/${runId}/gate/decision`, {
      decision: 'no_go',
      note: 'Decided on an old screen',
      profile: 'development',
      supersedes: noGo.id,
    });
    expect(stale.json().error).toMatchObject({
      code: 'FERRY_ERR_CONFLICT',
      message: 'Another gate decision was recorded since you looked; read it before deciding',
    });
    let history = expectStatus(await viewer.get(`/api/runs/${runId}/gate`), 200);
    expect(history.current).toMatchObject({ id: rollback.id, decision: 'rollback' });
    expect(history.decisions.map((d: { id: string; supersededBy: string | null }) => [d.id, d.supersededBy])).toEqual([
      [noGo.id, rollback.id],
      [rollback.id, null],
    ]);
    // Withdrawing leaves no decision in force, and is itself on record with its rationale.
    const withdrawn = expectStatus(await decideAs(cutover, 'withdrawn', 'Rollback raised in error'), 201);
    history = expectStatus(await viewer.get(`/api/runs/${runId}/gate`), 200);
    expect(history.current).toBeNull();
    expect(history.decisions.map((d: { decision: string }) => d.decision)).toEqual(['no_go', 'rollback', 'withdrawn']);
    expect(history.decisions[2]).toMatchObject({
      id: withdrawn.id,
      supersedes: rollback.id,
      note: 'Rollback raised in error',
    });
    const decided = expectStatus(await decideAs(cutover, 'no_go', 'Rejects to fix before rehearsal 2'), 201);
    expect(expectStatus(await viewer.get(`/api/runs/${runId}/gate`), 200).current).toMatchObject({
      id: decided.id,
      supersedes: withdrawn.id,
    });
    const audited = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=gate.withdrawn`), 200);
    expect(audited.items).toHaveLength(1);
  });

  it('serves the evidence package as one tar.gz whose files match the manifest', async () => {
    const res = await etl.request('GET', `/api/runs/${runId}/evidence`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    const dir = await mkdtemp(join(tmpdir(), 'ferry-evidence-'));
    const archive = join(dir, 'evidence.tar.gz');
    await writeFile(archive, (res as unknown as { rawPayload: Buffer }).rawPayload);
    execFileSync('tar', ['-xzf', archive, '-C', dir]);
    const run = expectStatus(await viewer.get(`/api/runs/${runId}`), 200);
    const folder = join(dir, `evidence-${run.lifecycleRunId}`);
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual([...evidenceFiles, 'gate_decisions.json', 'issue_triage.json']);
    // The decisions people took after the run are in the package: the history, and the one in force.
    const decisions = JSON.parse(await readFile(join(folder, 'gate_decisions.json'), 'utf8'));
    expect(decisions.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'no_go',
      'rollback',
      'withdrawn',
      'no_go',
    ]);
    expect(decisions.current).toMatchObject({
      decision: 'no_go',
      note: 'Rejects to fix before rehearsal 2',
      decidedBy: 'cutover@runs.test',
      profile: 'development',
    });
    const triage = JSON.parse(await readFile(join(folder, 'issue_triage.json'), 'utf8'));
    expect(triage).toEqual({ projectId, issues: [] });
    for (const [name, want] of Object.entries(manifest.files) as [string, { sha256: string }][]) {
      expect({
        name,
        sha256: createHash('sha256')
          .update(await readFile(join(folder, name)))
          .digest('hex'),
      }).toEqual({ name, sha256: want.sha256 });
    }
    expect((await viewer.get(`/api/runs/${runId}/evidence`)).statusCode).toBe(403);
  });

  it('reruns from a stage reusing the earlier artefacts, and cancels a queued run', async () => {
    const rerun = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, { releaseProfile: 'development', fromStage: 'gate' }),
      202,
    );
    const queued = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 3 },
      }),
      202,
    );
    const cancelled = expectStatus(await etl.post(`/api/runs/${queued.id}/cancel`), 202);
    expect(cancelled.cancelRequested).toBe(true);
    await t.app.platform.jobs.whenIdle();
    const after = expectStatus(await viewer.get(`/api/runs/${rerun.id}`), 200);
    expect(after.status).toBe('succeeded');
    expect(
      after.record.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`).slice(0, 5),
    ).toEqual(['generate:Reused', 'profile:Reused', 'map:Reused', 'migrate:Reused', 'check:Reused']);
    expect(expectStatus(await viewer.get(`/api/runs/${queued.id}`), 200)).toMatchObject({
      status: 'cancelled',
      outcome: null,
    });
    expect((await etl.post(`/api/runs/${queued.id}/cancel`)).statusCode).toBe(409);
  });

  it("loads with the project's current crosswalks: an entry reopened to draft no longer translates", async () => {
    const analyst = await member('analyst', 'mapping_analyst');
    expectStatus(
      await analyst.post(`/api/projects/${projectId}/crosswalks/review`, {
        filter: { codeType: 'gender', sourceCode: 'F' },
        status: 'draft',
      }),
      200,
    );
    const run = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 6, seed: 1, defects: 'none' },
      }),
      202,
    );
    expect(run.crosswalkHash).not.toBeNull();
    await t.app.platform.jobs.whenIdle();
    const after = expectStatus(await viewer.get(`/api/runs/${run.id}`), 200);
    // Patients 2 and 4 are F: with F in draft their sex is a crosswalk miss; they and their referrals are rejected.
    expect(after.record.summary).toMatchObject({ sourceRows: 12, rejectedRows: 4 });
  });

  it('refuses a cutover_ready run of an unlocked contract, and bad run requests', async () => {
    const cutoverRun = await etl.post(`/api/projects/${projectId}/runs`, {
      releaseProfile: 'cutover_ready',
      source: { kind: 'generated', patients: 3 },
    });
    expect(cutoverRun.statusCode).toBe(409);
    expect(cutoverRun.json().error.code).toBe('FERRY_ERR_CONTRACT_LOCKED');
    expect((await etl.post(`/api/projects/${projectId}/runs`, { releaseProfile: 'development' })).statusCode).toBe(400);
    expect(
      (await viewer.post(`/api/projects/${projectId}/runs`, { releaseProfile: 'development', fromStage: 'gate' }))
        .statusCode,
    ).toBe(403);
  });
});
