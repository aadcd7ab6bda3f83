import type { SqlDatabase } from '@ferry/core';
import { FerryError, type LifecycleStage, type Pack } from '@ferry/core';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { appendAuditEvent } from '../audit/audit-writer.js';
import type { ServerConfig } from '../config/server-config.js';
import { lifecycleSourceOfRun, recheckRunSource } from '../connectors/connector-run-source.js';
import { contractVersion } from '../contracts/project-contract-store.js';
import { crosswalkVersion } from '../crosswalks/project-crosswalk-store.js';
import { type TenantTx, tenantTransaction } from '../db/tenant-transaction.js';
import type { SecretBox } from '../identity/secret-box.js';
import { serverVersion } from '../meta/version-manifest.js';
import { packNamed } from '../packs/pack-registry.js';
import { sourceCatalogVersion } from '../sources/project-source-catalog-store.js';
import { readRegisteredTarget, registeredTargetUrl } from '../targets/run-target.js';
import { runLifecycleInThread } from './lifecycle-thread.js';
import { projectRunDir, projectRunStore, projectSettingsSchema, projectTarget } from './project-run-paths.js';
import type { RunEventSignal } from './run-event-signal.js';
import { appendRunEvent } from './run-event-store.js';
import type { RunEventWriter } from './run-event-writer.js';
import { exitCodeOfError, exitCodeOfOutcome } from './run-exit-code.js';
import { type RunJob, runScope } from './run-job.js';

/** What executing a run needs from the platform, whichever runner executes it. */
export interface RunExecutionContext {
  db: SqlDatabase;
  dataDir: string;
  packs: ReadonlyMap<string, Pack>;
  now(): Date;
  events: RunEventWriter;
  signal: RunEventSignal;
  /** How often the run's heartbeat is written and its cancel request read. */
  heartbeatMs: number;
  /** Unseals registered target databases' passwords (only the runner does). */
  secrets: SecretBox;
  /** Where target databases may be (the platform database, the operator's local hosts). */
  targets: Pick<ServerConfig, 'databaseUrl' | 'localDbHosts'>;
  /**
   * The server's ceilings of source folders and database hosts (a source read in place is checked again when the run
   * executes).
   */
  sources: Pick<ServerConfig, 'sourceRoots' | 'sourceDbHosts'>;
  log?: FastifyBaseLogger;
  onFinished?(status: FinishedStatus, outcome: string | null): void;
}

export type FinishedStatus = 'succeeded' | 'failed' | 'cancelled';

/** How a runner stops a run it holds: a cancel it saw first, or its own shutdown. */
export interface RunControl {
  runnerId: string;
  /** Write heartbeats (other processes judge the run alive by them and pass cancels through them); default true. */
  heartbeat?: boolean;
  stopReason(): 'cancelled' | 'interrupted' | null;
}

/** The runs executing in this process, whichever runner holds them: alive, whatever their heartbeat says. */
export const runsExecutingHere = new Set<string>();

/**
 * Executes one queued run: marks it running (in its organisation's scope, so row-level security holds), runs the
 * lifecycle with the run's contract, crosswalk and source catalog versions, writes progress to the run's event log, and records
 * the outcome with an audit event. While it runs, a heartbeat proves the runner alive and reads cancel requests
 * (from any process): the run stops at its next progress event. The lifecycle runs in a worker thread (see
 * lifecycle-thread.ts); the platform database is written only from this thread. A run that is no longer queued is left alone.
 */
export async function executeRun(ctx: RunExecutionContext, job: RunJob, control: RunControl): Promise<void> {
  let prepared: Awaited<ReturnType<typeof prepareRun>>;
  try {
    prepared = await prepareRun(ctx, job, control);
  } catch (e) {
    // What it runs with cannot be read (a contract version gone, a database error): it fails, never stays queued.
    if (!(e instanceof FerryError)) ctx.log?.error({ err: e, runId: job.runId }, 'run could not be prepared');
    await finishRun(ctx, job, 'failed', 'ERROR', undefined, e instanceof FerryError ? e.describe() : 'internal error');
    return;
  }
  if (!prepared) return;
  runsExecutingHere.add(job.runId);
  try {
    await runPrepared(ctx, job, control, prepared);
  } finally {
    runsExecutingHere.delete(job.runId);
  }
}

/** Marks a queued run running (with this runner and a first heartbeat) and reads what it runs with. */
function prepareRun(ctx: RunExecutionContext, job: RunJob, control: RunControl) {
  const { now } = ctx;
  return tenantTransaction(ctx.db, runScope(job), async (tx) => {
    const run = await tx.db.selectFrom('runs').selectAll().where('id', '=', job.runId).executeTakeFirst();
    if (run?.status !== 'queued') return undefined;
    if (control.stopReason() === 'cancelled' || run.cancel_requested) return { cancelled: true as const };
    const project = await tx.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', run.project_id)
      .executeTakeFirstOrThrow();
    const { contract } = await contractVersion(tx, project.id, run.contract_hash);
    const crosswalks = run.crosswalk_hash
      ? (await crosswalkVersion(tx, project.id, run.crosswalk_hash)).set
      : undefined;
    const sourceCatalog = run.source_catalog_hash
      ? (await sourceCatalogVersion(tx, project.id, run.source_catalog_hash)).catalog
      : undefined;
    const target = run.target_id
      ? await readRegisteredTarget(tx, ctx.targets, run.organisation_id, run.target_id)
      : undefined;
    await recheckRunSource(tx, ctx.sources, run.organisation_id, run.source);
    const source = await lifecycleSourceOfRun(
      tx,
      { ...ctx.sources, ...ctx.targets, dataDir: ctx.dataDir, secrets: ctx.secrets },
      run.organisation_id,
      run.source,
    );
    await tx.db
      .updateTable('runs')
      .set({ status: 'running', started_at: now(), heartbeat_at: sql`now()`, runner_id: control.runnerId })
      .where('id', '=', run.id)
      .execute();
    return { cancelled: false as const, run, project, contract, crosswalks, sourceCatalog, target, source };
  });
}

async function runPrepared(
  ctx: RunExecutionContext,
  job: RunJob,
  control: RunControl,
  prepared: Exclude<Awaited<ReturnType<typeof prepareRun>>, undefined>,
): Promise<void> {
  const { dataDir, now, events } = ctx;
  const inScope = <T>(fn: (tx: TenantTx) => Promise<T>) => tenantTransaction(ctx.db, runScope(job), fn);
  if (prepared.cancelled) {
    await finishRun(ctx, job, 'cancelled', null);
    return;
  }
  events.publish(job, { type: 'run-status', status: 'running' });
  const heartbeat = control.heartbeat === false ? undefined : new RunHeartbeat(ctx, job);
  const stopReason = () => control.stopReason() ?? heartbeat?.stopReason() ?? null;
  const { run, project, contract, crosswalks, sourceCatalog, target, source } = prepared;
  const store = projectRunStore(dataDir, project.id);
  let stageWrites = Promise.resolve();
  try {
    const pack = packNamed(ctx.packs, project.pack);
    const settings = projectSettingsSchema.parse(project.settings ?? {});
    // The stages run in a thread of their own: the server keeps answering while they work.
    const result = await runLifecycleInThread(
      {
        pack: {
          ...pack,
          contract: async () => contract,
          ...(crosswalks ? { crosswalks: async () => crosswalks } : {}),
        },
        // The run's contract version, read with the project's own source catalog when it has one (else the pack's).
        contract,
        ...(sourceCatalog ? { sourceCatalog } : {}),
        ...(source ? { source } : {}),
        releaseProfile: run.release_profile as never,
        target: target
          ? await registeredTargetUrl(target, ctx.secrets)
          : projectTarget(dataDir, project.id, settings.target === 'csv' ? settings : { target: 'pglite' }),
        outDir: projectRunDir(dataDir, project.id),
        from: (run.from_stage ?? undefined) as LifecycleStage | undefined,
        to: (run.to_stage ?? undefined) as LifecycleStage | undefined,
        versions: { ferry: serverVersion },
        now,
        onEvent: (event) => {
          if (event.type === 'run-start') return; // the run's row already says which run it is
          events.publish(job, event);
          if (event.type === 'stage-start') {
            stageWrites = stageWrites.then(async () => {
              const latest = await store.latest();
              await inScope((tx) =>
                tx.db
                  .updateTable('runs')
                  .set({ current_stage: event.stage, lifecycle_run_id: latest?.runId ?? null })
                  .where('id', '=', job.runId)
                  .execute(),
              );
            });
          }
        },
      },
      { shouldStop: () => stopReason() !== null },
    );
    await heartbeat?.stop();
    await stageWrites;
    // A finished run is never RUNNING; it is CANCELLED only when given a signal, which the runner stops otherwise.
    const outcome =
      result.record.outcome === 'RUNNING' || result.record.outcome === 'CANCELLED' ? 'ERROR' : result.record.outcome;
    await finishRun(ctx, job, 'succeeded', outcome, result.record.runId, undefined, {
      gate_outcome: result.record.gate?.outcome ?? null,
      exit_code: exitCodeOfOutcome(outcome),
    });
  } catch (e) {
    await heartbeat?.stop();
    await stageWrites.catch(() => {});
    const latest = await store.latest().catch(() => undefined);
    const reason = stopReason();
    if (reason === 'lost') {
      await events.flush(job.runId, true);
      ctx.log?.warn({ runId: job.runId }, 'the run was finished elsewhere (its heartbeat went stale); stopped it');
    } else if (reason === 'cancelled') await finishRun(ctx, job, 'cancelled', null, latest?.runId);
    else if (reason === 'interrupted')
      await finishRun(ctx, job, 'failed', 'ERROR', latest?.runId, 'interrupted: the runner shut down', {
        gate_outcome: latest?.gate?.outcome ?? null,
        exit_code: exitCodeOfError(e),
      });
    else {
      const message = e instanceof FerryError ? e.describe() : 'internal error';
      if (!(e instanceof FerryError)) ctx.log?.error({ err: e, runId: job.runId }, 'run failed');
      await finishRun(ctx, job, 'failed', 'ERROR', latest?.runId, message, {
        gate_outcome: latest?.gate?.outcome ?? null,
        exit_code: exitCodeOfError(e),
      });
    }
  } finally {
    void heartbeat?.stop();
  }
}

/**
 * Records a run's end, if it is still queued or running: status, outcome and error, an audit event by `system`,
 * and the `run-finished` event, in one transaction in the run's organisation. False when it had already ended
 * (recovery failed it while its runner was unreachable).
 */
export async function finishRun(
  ctx: RunExecutionContext,
  job: RunJob,
  status: FinishedStatus,
  outcome: string | null,
  lifecycleRunId?: string,
  error?: string,
  ending?: { gate_outcome: 'PASS' | 'FAIL' | null; exit_code: number },
): Promise<boolean> {
  await ctx.events.flush(job.runId, true);
  const at = ctx.now();
  const finished = await tenantTransaction(ctx.db, runScope(job), async (tx) => {
    const updated = await tx.db
      .updateTable('runs')
      .set({
        status,
        outcome: outcome as 'PASS' | 'FAIL' | 'ERROR' | 'PARTIAL' | null,
        ...ending,
        finished_at: at,
        current_stage: null,
        error: error ?? null,
        ...(lifecycleRunId ? { lifecycle_run_id: lifecycleRunId } : {}),
      })
      .where('id', '=', job.runId)
      .where('status', 'in', ['queued', 'running'])
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await appendAuditEvent(
      tx,
      {
        organisationId: job.orgId,
        actorId: null,
        actor: 'system',
        action: `run.${status}`,
        targetType: 'run',
        targetId: job.runId,
        details: { outcome, ...(error ? { error } : {}) },
      },
      at,
    );
    await appendRunEvent(
      tx,
      { id: job.runId, organisationId: job.orgId },
      { type: 'run-finished', status, outcome, ...(error ? { error } : {}) },
      ctx.db.kind === 'postgres',
    );
    return true;
  });
  if (!finished) return false;
  ctx.signal.notify(job.runId);
  ctx.onFinished?.(status, outcome);
  return true;
}

/**
 * While a run executes: every `heartbeatMs`, `heartbeat_at = now()` (database time) on the run while it is still
 * running, reading `cancel_requested` in the same statement. A run that is no longer running was ended elsewhere
 * (recovery judged its runner lost): the runner stops it.
 */
class RunHeartbeat {
  private cancelRequested = false;
  private lost = false;
  private readonly timer: NodeJS.Timeout;
  private stopped = false;
  /** The beat under way, if any: a stop waits for it, so no beat lands after the run's end is recorded. */
  private beating: Promise<void> | undefined;

  constructor(
    private readonly ctx: RunExecutionContext,
    private readonly job: RunJob,
  ) {
    this.timer = setInterval(() => void this.beat(), ctx.heartbeatMs);
  }

  stopReason(): 'cancelled' | 'lost' | null {
    return this.lost ? 'lost' : this.cancelRequested ? 'cancelled' : null;
  }

  /** Stops beating; resolves once a beat under way has finished. */
  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    return this.beating ?? Promise.resolve();
  }

  private beat(): void {
    if (this.beating || this.stopped) return;
    this.beating = this.writeBeat().finally(() => {
      this.beating = undefined;
    });
  }

  private async writeBeat(): Promise<void> {
    try {
      const row = await tenantTransaction(this.ctx.db, runScope(this.job), (tx) =>
        tx.db
          .updateTable('runs')
          .set({ heartbeat_at: sql`now()` })
          .where('id', '=', this.job.runId)
          .where('status', '=', 'running')
          .returning('cancel_requested')
          .executeTakeFirst(),
      );
      if (!row) this.lost = true;
      else if (row.cancel_requested) this.cancelRequested = true;
    } catch (e) {
      this.ctx.log?.warn({ err: e, runId: this.job.runId }, 'could not write the run heartbeat');
    }
  }
}
