import { join } from 'node:path';
import type { Pack } from '@ferry/core';
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

/** A pack whose generator waits for the test before it goes on: a run that is running for as long as needed. */
function heldPack(): { pack: Pack; started: Promise<void>; release: () => void } {
  let release!: () => void;
  let started!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const running = new Promise<void>((r) => {
    started = r;
  });
  const mini = miniPack('held');
  return {
    started: running,
    release,
    pack: {
      ...mini,
      async generate(options) {
        options.onProgress?.(0, options.patients);
        started();
        await held;
        options.onProgress?.(1, options.patients);
        return mini.generate(options);
      },
    },
  };
}

await describeEachDialect('run control', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let etl: ApiCaller;
  const held = heldPack(); // one per dialect: each suite holds its own run

  async function project(pack: string): Promise<string> {
    const id = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: pack, pack }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, id), 'target'));
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      packs: new Map([
        ['mini', miniPack()],
        ['held', held.pack],
      ]),
    });
    org = await seedOrganisation(t.app, 'control');
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'etl@control.test',
        displayName: 'ETL',
        password: userPassword,
        roles: ['etl_engineer'],
      }),
      201,
    );
    etl = await ApiCaller.login(t.app, 'etl@control.test', userPassword);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('cancels a running run at its next progress event', async () => {
    const projectId = await project('held');
    const run = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 4 },
      }),
      202,
    );
    try {
      await held.started;
      expect(expectStatus(await etl.get(`/api/runs/${run.id}`), 200).status).toBe('running');
      expectStatus(await etl.post(`/api/runs/${run.id}/cancel`), 202);
      // The run thread, waiting on the generator, is told at the runner's next poll and records CANCELLED at once.
      await expect
        .poll(async () => expectStatus(await etl.get(`/api/runs/${run.id}`), 200).record?.outcome, {
          timeout: 30_000,
          interval: 100,
        })
        .toBe('CANCELLED');
    } finally {
      held.release();
    }
    await t.app.platform.jobs.whenIdle();
    const after = expectStatus(await etl.get(`/api/runs/${run.id}`), 200);
    expect(after).toMatchObject({ status: 'cancelled', outcome: null, finishedAt: expect.any(String) });
    // The stage under way is recorded as cancelled there (the run thread stops it), not as an error.
    expect(after.record).toMatchObject({ outcome: 'CANCELLED', cancelled: { stage: 'generate' } });
    expect(after.record.stages[0]).toMatchObject({ stage: 'generate', status: 'Cancelled' });
    expect(after.record.stages.slice(1).every((s: { status: string }) => s.status === 'NotExecuted')).toBe(true);
    const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?targetId=${run.id}`), 200);
    expect(trail.items.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual([
      'run.cancelled system',
      'run.cancel etl@control.test',
      'run.start etl@control.test',
    ]);
  });

  it('after a restart, fails the runs that were running and runs the queued ones', async () => {
    const projectId = await project('mini');
    const finished = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 3 },
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    // What a crash leaves behind: one run marked running, one queued that no runner holds.
    await t.database.db.query(
      `UPDATE runs SET status = 'running', outcome = NULL, finished_at = NULL, heartbeat_at = now() - interval '1 hour',
              current_stage = 'migrate'
       WHERE id = $1`,
      [finished.id],
    );
    const [queued] = await t.database.db.query<{ id: string }>(
      `INSERT INTO runs (organisation_id, project_id, release_profile, source, contract_hash, started_by)
       SELECT organisation_id, project_id, release_profile, source, contract_hash, started_by FROM runs WHERE id = $1 RETURNING id`,
      [finished.id],
    );
    expect(await t.app.platform.jobs.recover()).toEqual({ failed: 1, requeued: 1 });
    await t.app.platform.jobs.whenIdle();
    expect(expectStatus(await etl.get(`/api/runs/${finished.id}`), 200)).toMatchObject({
      status: 'failed',
      outcome: 'ERROR',
      error:
        dialect.name === 'pglite'
          ? 'interrupted: the server stopped while the run was going (in stage migrate)'
          : 'interrupted: its runner stopped answering (no heartbeat for 3 s) (in stage migrate)',
    });
    expect(expectStatus(await etl.get(`/api/runs/${queued!.id}`), 200)).toMatchObject({
      status: 'succeeded',
      outcome: 'FAIL',
    });
  });
});
