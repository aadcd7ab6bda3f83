import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { pgliteDialect } from '../testing/test-database.js';
import { projectRunDir } from './project-run-paths.js';

/** The 95th percentile of durations (ms). */
function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/**
 * A run's stages execute in a worker thread, not on the server's event loop: while a run of tens of thousands of
 * rows loads into its embedded target, /health and an authenticated read answer quickly and the loop's delay stays
 * low; the run ends with the counts the lifecycle gives.
 */
describe('runs off the event loop [pglite]', () => {
  const patients = 5_000;
  let t: TestApp;
  let org: SeededOrg;
  let etl: ApiCaller;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp(pgliteDialect, { packs: new Map([['mini', miniPack()]]) });
    org = await seedOrganisation(t.app, 'offloop');
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'etl@offloop.test',
        displayName: 'ETL',
        password: userPassword,
        roles: ['etl_engineer', 'migration_lead'],
      }),
      201,
    );
    etl = await ApiCaller.login(t.app, 'etl@offloop.test', userPassword);
    projectId = expectStatus(
      await etl.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Big', pack: 'mini' }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps answering during a run, which still ends with the same counts', async () => {
    const run = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients, seed: 1, defects: 'typical' },
      }),
      202,
    );
    const health: number[] = [];
    const reads: number[] = [];
    let status = 'queued';
    while (status === 'queued') {
      status = expectStatus(await etl.get(`/api/runs/${run.id}`), 200).status;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe('running');
    // A quiet second and a half while the run works: this thread is mostly idle (it only records the run's events).
    const quietFrom = performance.eventLoopUtilization();
    await new Promise((r) => setTimeout(r, 1500));
    const quiet = performance.eventLoopUtilization(quietFrom);
    // Then requests, one after another, until the run ends.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    while (status === 'running') {
      let started = performance.now();
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      health.push(performance.now() - started);
      started = performance.now();
      status = expectStatus(await etl.get(`/api/runs/${run.id}`), 200).status;
      reads.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    delay.disable();
    await t.app.platform.jobs.whenIdle();
    const after = expectStatus(await etl.get(`/api/runs/${run.id}`), 200);
    expect(after).toMatchObject({ status: 'succeeded', outcome: 'FAIL', error: null });
    expect(after.record.stages.map((s: { status: string }) => s.status)).toEqual(Array(8).fill('Success'));
    expect(after.record.summary).toMatchObject({
      sourceRows: 2 * patients,
      loadedRows: 2 * patients - 2,
      rejectedRows: 2,
    });
    // Enough samples to judge (the run lasts seconds), each answered without waiting for the stages.
    expect(health.length).toBeGreaterThanOrEqual(20);
    expect(p95(health)).toBeLessThan(250);
    // An authenticated read queries the embedded platform database (on this thread): bounded, with room for a busy
    // machine; with the stages on this thread it waited seconds for them.
    expect(p95(reads)).toBeLessThan(1000);
    expect(delay.percentile(99) / 1e6).toBeLessThan(1000);
    // With the stages on this thread, it was busy nearly all the time (utilisation about 1).
    expect(quiet.utilization).toBeLessThan(0.5);
  });
});
