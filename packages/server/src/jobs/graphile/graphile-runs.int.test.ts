import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresDatabase, postgresReachable } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPacks } from '../../packs/pack-registry.js';
import { ApiCaller, expectStatus } from '../../testing/api-client.js';
import { miniPack } from '../../testing/mini-pack.js';
import { seedEmptyPglite } from '../../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  userPassword,
} from '../../testing/test-app.js';
import { pgliteDialect, postgresDialect } from '../../testing/test-database.js';
import { projectRunDir } from '../project-run-paths.js';
import { openRunServices, type RunServices } from '../run-runner-factory.js';
import { lifecycleRunTask } from './graphile-run-runner.js';

const pgUp = await postgresReachable();
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const ferryBin = join(repoRoot, 'packages/cli/bin/ferry.js');
const packs = new Map([...defaultPacks(), ['mini', miniPack()]]);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Runs on PostgreSQL go through graphile-worker. Here the server is started as `ferry serve --no-runner` would be:
 * it queues runs, cancels them and recovers lost ones, but executes none. Runs execute in a runner elsewhere: a
 * second set of run services on its own connections (as in another process), or the real `ferry runs worker`
 * child process, which the last test kills in the middle of a run.
 */
describe.runIf(pgUp)('lifecycle runs on graphile-worker [postgres]', () => {
  let t: TestApp;
  let org: SeededOrg;
  let etl: ApiCaller;
  let runnerDb: PostgresDatabase | undefined;
  let runner: RunServices | undefined;

  let projects = 0;
  async function project(pack: string): Promise<string> {
    const id = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: `${pack} ${++projects}`, pack }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, id), 'target'));
    return id;
  }

  /** A runner with its own database connections and graphile-worker pool, as a runner process has. */
  async function startRunnerElsewhere(): Promise<void> {
    runnerDb = await PostgresDatabase.open(t.database.url, { max: 3 });
    runner = await openRunServices({
      config: t.config,
      db: runnerDb,
      packs,
      now: () => new Date(),
      work: true,
      follow: false,
    });
  }

  async function stopRunnerElsewhere(): Promise<void> {
    await runner?.close();
    await runnerDb?.close();
    runner = undefined;
    runnerDb = undefined;
  }

  /** Lifecycle run jobs in the queue (its own database in tests). */
  const queued = async () => {
    const queue = await PostgresDatabase.open(t.config.jobs.queueUrl!, { max: 1 });
    try {
      const [row] = await queue.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t.config.jobs.queueSchema}.jobs WHERE task_identifier = $1`,
        [lifecycleRunTask],
      );
      return row!.n;
    } finally {
      await queue.close();
    }
  };
  const statusOf = async (runId: string) => expectStatus(await etl.get(`/api/runs/${runId}`), 200);
  const trail = async (runId: string) =>
    expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?targetId=${runId}`), 200).items.map(
      (e: { action: string; actor: string }) => `${e.action} ${e.actor}`,
    );

  beforeAll(async () => {
    t = await createTestApp(postgresDialect, { packs, jobs: { runInServer: false } });
    org = await seedOrganisation(t.app, 'queue');
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'etl@queue.test',
        displayName: 'ETL',
        password: userPassword,
        roles: ['etl_engineer'],
      }),
      201,
    );
    etl = await ApiCaller.login(t.app, 'etl@queue.test', userPassword);
  });
  afterAll(async () => {
    await stopRunnerElsewhere();
    await t?.close();
  });

  it('queues a run that a runner elsewhere executes; the server streams its progress and it ends as in process', async () => {
    expect(t.app.platform.jobs.kind).toBe('graphile-worker');
    const projectId = await project('mini');
    const source = { kind: 'generated', patients: 6, seed: 1, defects: 'typical' };
    const run = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, { releaseProfile: 'development', source }),
      202,
    );
    // Nothing executes it yet: the server has no runner.
    await new Promise((r) => setTimeout(r, 300));
    expect(await queued()).toBe(1);
    expect((await statusOf(run.id)).status).toBe('queued');
    // The browser follows the run on this server while another process executes it.
    const stream = etl.get(`/api/runs/${run.id}/events`);
    await startRunnerElsewhere();
    const res = await stream;
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const events = res.body
      .split('\n\n')
      .filter(Boolean)
      .map((block) => JSON.parse(block.split('\n')[1]!.slice('data: '.length)));
    expect(events[0]).toEqual({ type: 'run-status', status: 'queued' });
    expect(events).toContainEqual({ type: 'run-status', status: 'running' });
    expect(events).toContainEqual({ type: 'stage-start', stage: 'generate' });
    expect(events.some((e) => e.type === 'stage-progress')).toBe(true);
    expect(events.filter((e) => e.type === 'stage-end')).toHaveLength(8);
    expect(events.at(-1)).toEqual({ type: 'run-finished', status: 'succeeded', outcome: 'FAIL' });

    const after = await statusOf(run.id);
    expect(after).toMatchObject({ status: 'succeeded', outcome: 'FAIL', error: null, currentStage: null });
    const [row] = await t.database.db.query<{ runner_id: string }>('SELECT runner_id FROM runs WHERE id = $1', [
      run.id,
    ]);
    expect(row!.runner_id).not.toBe('in-process');
    expect(await queued()).toBe(0);
    expect(await trail(run.id)).toEqual(['run.succeeded system', 'run.start etl@queue.test']);

    // The same run in process on PGlite writes the same artefacts with the same summary.
    const local = await createTestApp(pgliteDialect, { packs });
    try {
      const localOrg = await seedOrganisation(local.app, 'local');
      expectStatus(
        await createOrgUser(localOrg.admin, localOrg.id, {
          email: 'etl@local.test',
          displayName: 'ETL',
          password: userPassword,
          roles: ['etl_engineer'],
        }),
        201,
      );
      const localEtl = await ApiCaller.login(local.app, 'etl@local.test', userPassword);
      const localProject = expectStatus(
        await localOrg.admin.post(`/api/workspaces/${localOrg.workspaceId}/projects`, { name: 'mini', pack: 'mini' }),
        201,
      ).id;
      await seedEmptyPglite(join(projectRunDir(local.config.dataDir, localProject), 'target'));
      const localRun = expectStatus(
        await localEtl.post(`/api/projects/${localProject}/runs`, { releaseProfile: 'development', source }),
        202,
      );
      await local.app.platform.jobs.whenIdle();
      const localAfter = expectStatus(await localEtl.get(`/api/runs/${localRun.id}`), 200);
      expect(localAfter.status).toBe('succeeded');
      expect(after.record.summary).toEqual(localAfter.record.summary);
      const names = (files: { stage: string; file: string }[]) => files.map((f) => `${f.stage}/${f.file}`).sort();
      expect(names(expectStatus(await etl.get(`/api/runs/${run.id}/artefacts`), 200))).toEqual(
        names(expectStatus(await localEtl.get(`/api/runs/${localRun.id}/artefacts`), 200)),
      );
    } finally {
      await local.close();
    }
  });

  it('cancels a queued run: its job leaves the queue and it ends cancelled at once', async () => {
    await stopRunnerElsewhere();
    const projectId = await project('mini');
    const run = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 3 },
      }),
      202,
    );
    expect(await queued()).toBe(1);
    expect(expectStatus(await etl.post(`/api/runs/${run.id}/cancel`), 202).cancelRequested).toBe(true);
    expect(await queued()).toBe(0);
    expect(await statusOf(run.id)).toMatchObject({ status: 'cancelled', outcome: null, startedAt: null });
    expect((await etl.get(`/api/runs/${run.id}/events`)).body).toBe(
      'event: run-finished\ndata: {"type":"run-finished","status":"cancelled","outcome":null}\n\n',
    );
    expect(await trail(run.id)).toEqual([
      'run.cancelled system',
      'run.cancel etl@queue.test',
      'run.start etl@queue.test',
    ]);
    expect((await etl.post(`/api/runs/${run.id}/cancel`)).statusCode).toBe(409);
  });

  it('fails a run whose runner process is killed mid-run and releases its project queue for the next run', async () => {
    if (!existsSync(join(repoRoot, 'packages/cli/dist/index.js')))
      throw new Error('the CLI is not built (no packages/cli/dist): run npm run build first');
    const projectId = await project('nhs-pas');
    const run = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 300, seed: 3 },
      }),
      202,
    );
    let output = '';
    const worker: ChildProcess = spawn(process.execPath, [ferryBin, 'runs', 'worker'], {
      env: {
        ...process.env,
        DATABASE_URL: t.database.url,
        FERRY_QUEUE_DATABASE_URL: t.config.jobs.queueUrl,
        FERRY_DATA_DIR: t.config.dataDir,
        FERRY_RUN_HEARTBEAT_MS: '200',
        FERRY_MODE: 'development',
        FERRY_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (d) => (output += d));
    worker.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      worker.on('exit', (_code, signal) => resolve(signal)),
    );
    try {
      await until('the worker to start the run', async () => {
        const [row] = await t.database.db.query<{ status: string; heartbeat_at: Date | null }>(
          'SELECT status, heartbeat_at FROM runs WHERE id = $1',
          [run.id],
        );
        return row?.status === 'running' ? row : undefined;
      });
    } catch (e) {
      throw new Error(`${(e as Error).message}; worker output:\n${output}`);
    } finally {
      worker.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect(output).toContain('Ferry run worker started (1 at a time');

    // The server's recovery sweep sees the heartbeat go stale and fails the run; nothing is left running.
    const failed = await until('recovery to fail the run', async () => {
      const r = await statusOf(run.id);
      return r.status === 'running' ? undefined : r;
    });
    expect(failed).toMatchObject({
      status: 'failed',
      outcome: 'ERROR',
      error: 'interrupted: its runner stopped answering (no heartbeat for 3 s)',
    });
    expect((await etl.get(`/api/runs/${run.id}/events`)).body).toContain('"status":"failed"');
    expect(await trail(run.id)).toEqual(['run.failed system', 'run.start etl@queue.test']);
    expect(await queued()).toBe(0);

    // The dead worker's hold on the project's queue is released: the project's next run starts, in a runner
    // elsewhere; a cancel asked of this server reaches it there.
    const next = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 5, seed: 4 },
      }),
      202,
    );
    await startRunnerElsewhere();
    await until('the next run to start', async () =>
      (await statusOf(next.id)).status === 'running' ? true : undefined,
    );
    expectStatus(await etl.post(`/api/runs/${next.id}/cancel`), 202);
    const stopped = await until('the next run to stop', async () => {
      const r = await statusOf(next.id);
      return r.status === 'running' ? undefined : r;
    });
    expect(stopped).toMatchObject({ status: 'cancelled', outcome: null });
    expect(await trail(next.id)).toEqual([
      'run.cancelled system',
      'run.cancel etl@queue.test',
      'run.start etl@queue.test',
    ]);
  });
});
