import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRunDir, projectRunStore } from '../jobs/project-run-paths.js';
import { multipartFile } from '../security/attack-world.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { miniPack } from '../testing/mini-pack.js';
import { seedEmptyPglite } from '../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  TestClock,
  userPassword,
} from '../testing/test-app.js';
import { pgliteDialect } from '../testing/test-database.js';

const day = 86_400_000;

describe('retention and purge of an organisation', () => {
  let t: TestApp;
  let org: SeededOrg;
  const clock = new TestClock(new Date('2026-03-02T09:00:00.000Z'));
  let projectId: string;
  let decidedRun: { id: string; lifecycleRunId: string };
  let undecidedRun: { id: string; lifecycleRunId: string };
  let connectorId: string;

  beforeAll(async () => {
    t = await createTestApp(pgliteDialect, { packs: new Map([['mini', miniPack()]]), now: clock.now });
    org = await seedOrganisation(t.app, 'north');
    for (const role of ['etl_engineer', 'cutover_manager']) {
      const email = `${role.replace('_', '.')}@north.test`;
      expectStatus(
        await createOrgUser(org.admin, org.id, { email, displayName: role, password: userPassword, roles: [role] }),
        201,
      );
    }
    const etl = () => ApiCaller.login(t.app, 'etl.engineer@north.test', userPassword);
    projectId = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'PAS', pack: 'mini' }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
    connectorId = expectStatus(
      await (await etl()).post(`/api/projects/${projectId}/connectors`, { name: 'X', type: 'csv-upload' }),
      201,
    ).id;
    const upload = multipartFile('PATIENT.csv', 'PAT_ID,SURNAME\n1,Smith\n');
    expectStatus(
      await (await etl()).request('POST', `/api/connectors/${connectorId}/files`, upload.payload, upload.headers),
      201,
    );
    const start = async () => {
      const caller = await etl();
      const run = expectStatus(
        await caller.post(`/api/projects/${projectId}/runs`, {
          releaseProfile: 'development',
          source: { kind: 'generated', patients: 3 },
        }),
        202,
      );
      await t.app.platform.jobs.whenIdle();
      return expectStatus(await caller.get(`/api/runs/${run.id}`), 200);
    };
    decidedRun = await start();
    // Sessions end when the clock moves on by days: each step signs in afresh.
    clock.advance(day);
    const cutover = await ApiCaller.login(t.app, 'cutover.manager@north.test', userPassword);
    expectStatus(
      await cutover.post(`/api/runs/${decidedRun.id}/gate/decision`, {
        decision: 'no_go',
        note: 'Rehearsal only',
        profile: 'development',
      }),
      201,
    );
    undecidedRun = await start();
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  const admin = () => ApiCaller.login(t.app, 'admin@north.test', userPassword);
  const stages = async (lifecycleRunId: string) =>
    (await readdir(projectRunStore(t.config.dataDir, projectId).runDir(lifecycleRunId))).sort();

  it('starts with the default policy and sets a new one, audited', async () => {
    const url = `/api/orgs/${org.id}/retention`;
    org.admin = await admin();
    expect(expectStatus(await org.admin.get(url), 200)).toEqual({
      version: 1,
      extractDays: 30,
      runFolderDays: null,
      evidenceDays: null,
    });
    const policy = { version: 1, extractDays: 10, runFolderDays: null, evidenceDays: null };
    expect(expectStatus(await org.admin.put(url, policy), 200)).toEqual(policy);
    expect(expectStatus(await org.admin.get(url), 200)).toEqual(policy);
    expect((await org.admin.put(url, { ...policy, extractDays: -1 })).statusCode).toBe(400);
  });

  it('removes exactly what retention says: the decided run extract and the upload, after ten days, nothing else', async () => {
    const before = {
      decided: await stages(decidedRun.lifecycleRunId),
      undecided: await stages(undecidedRun.lifecycleRunId),
    };
    expect(before.decided).toContain('generate');
    clock.advance(9 * day);
    org.admin = await admin();
    const early = expectStatus(await org.admin.post(`/api/orgs/${org.id}/purge`, {}), 200);
    expect(early.removed).toEqual([]);
    clock.advance(day);
    org.admin = await admin();
    const dry = expectStatus(await org.admin.post(`/api/orgs/${org.id}/purge`, { dryRun: true }), 200);
    expect(dry.due.map((d: { kind: string; owner: string }) => `${d.kind} ${d.owner.split(':')[0]}`).sort()).toEqual([
      'extract connector-file',
      `extract ${decidedRun.lifecycleRunId}`,
    ]);
    expect(await stages(decidedRun.lifecycleRunId)).toEqual(before.decided);
    const done = expectStatus(await org.admin.post(`/api/orgs/${org.id}/purge`, {}), 200);
    expect(
      done.removed.map((d: { kind: string; owner: string }) => `${d.kind} ${d.owner.split(':')[0]}`).sort(),
    ).toEqual(dry.due.map((d: { kind: string; owner: string }) => `${d.kind} ${d.owner.split(':')[0]}`).sort());
    expect(await stages(decidedRun.lifecycleRunId)).toEqual(
      [...before.decided.filter((s) => s !== 'generate'), 'purge-record.json'].sort(),
    );
    expect(await stages(undecidedRun.lifecycleRunId)).toEqual(before.undecided);
    expect(expectStatus(await org.admin.get(`/api/connectors/${connectorId}/files`), 200)).toEqual([]);
    const record = JSON.parse(
      await readFile(
        join(projectRunStore(t.config.dataDir, projectId).runDir(decidedRun.lifecycleRunId), 'purge-record.json'),
        'utf8',
      ),
    );
    expect(record.purged).toEqual([
      expect.objectContaining({ kind: 'extract', path: 'generate', anchorKind: 'gate_decision' }),
    ]);
    const audit = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=retention.purge`), 200);
    expect(JSON.stringify(audit)).toContain('retention.purge');
  });
});
