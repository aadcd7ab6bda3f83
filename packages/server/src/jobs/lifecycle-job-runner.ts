import type { SqlDatabase } from '@ferry/core';
import { FerryError, type LifecycleSource, type LifecycleStage, type Pack, runLifecycle } from '@ferry/core';
import { appendAuditEvent } from '../audit/audit-writer.js';
import { contractVersion } from '../contracts/project-contract-store.js';
import { crosswalkVersion } from '../crosswalks/project-crosswalk-store.js';
import { type TenantScope, tenantTransaction } from '../db/tenant-transaction.js';
import { serverVersion } from '../meta/version-manifest.js';
import { packNamed } from '../packs/pack-registry.js';
import { projectRunDir, projectRunStore, projectSettingsSchema, projectTarget } from './project-run-paths.js';
import type { RunEventHub } from './run-event-hub.js';
import { exitCodeOfError, exitCodeOfOutcome } from './run-exit-code.js';

/** A queued run, as the runner needs it. */
export interface RunJob {
  runId: string;
  orgId: string;
  projectId: string;
  startedBy: string | null;
}

/** What the runner needs from the platform. */
export interface JobRunnerContext {
  db: SqlDatabase;
  dataDir: string;
  packs: ReadonlyMap<string, Pack>;
  concurrency: number;
  now(): Date;
  events: RunEventHub;
  onFinished?(status: 'succeeded' | 'failed' | 'cancelled', outcome: string | null): void;
}

class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled');
  }
}

/**
 * Runs lifecycle runs in this process: a queue with a global concurrency, one run at a time per project (runs of a
 * project share its run store and target). Each run's state lives in the `runs` table, written in the run's
 * organisation scope; progress goes to the event hub. Cancelling is cooperative: the run stops at its next
 * progress event or stage boundary.
 */
export class LifecycleJobRunner {
  private readonly queue: RunJob[] = [];
  private readonly active = new Map<string, RunJob>();
  private readonly cancelled = new Set<string>();
  private readonly idle = new Set<() => void>();
  private closed = false;

  constructor(private readonly ctx: JobRunnerContext) {}

  enqueue(job: RunJob): void {
    if (this.closed) throw new FerryError('FERRY_ERR_CONFLICT', 'The server is shutting down; no new runs');
    this.queue.push(job);
    this.ctx.events.publish(job.runId, { type: 'run-status', status: 'queued' });
    this.pump();
  }

  /** Asks a queued or running run to stop; true when this runner holds it. */
  cancel(runId: string): boolean {
    const queued = this.queue.findIndex((j) => j.runId === runId);
    if (queued >= 0 || this.active.has(runId)) {
      this.cancelled.add(runId);
      return true;
    }
    return false;
  }

  /** Resolves when nothing is queued or running. */
  whenIdle(): Promise<void> {
    if (!this.queue.length && !this.active.size) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Takes no new runs and waits for the queued and running ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.whenIdle();
  }

  private pump(): void {
    while (this.active.size < this.ctx.concurrency) {
      const busy = new Set([...this.active.values()].map((j) => j.projectId));
      const next = this.queue.findIndex((j) => !busy.has(j.projectId));
      if (next < 0) break;
      const [job] = this.queue.splice(next, 1);
      this.active.set(job!.runId, job!);
      void this.execute(job!).finally(() => {
        this.active.delete(job!.runId);
        this.cancelled.delete(job!.runId);
        this.pump();
        if (!this.queue.length && !this.active.size) {
          const waiting = [...this.idle];
          this.idle.clear();
          for (const resolve of waiting) resolve();
        }
      });
    }
  }

  private scope(job: RunJob): TenantScope {
    return { orgId: job.orgId, userId: job.startedBy, platformAccess: false };
  }

  private async execute(job: RunJob): Promise<void> {
    const { db, dataDir, now, events } = this.ctx;
    const inScope = <T>(fn: Parameters<typeof tenantTransaction<T>>[2]) => tenantTransaction(db, this.scope(job), fn);
    const prepared = await inScope(async (tx) => {
      const run = await tx.db.selectFrom('runs').selectAll().where('id', '=', job.runId).executeTakeFirst();
      if (run?.status !== 'queued') return undefined;
      if (this.cancelled.has(job.runId) || run.cancel_requested) return { cancelled: true as const };
      const project = await tx.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', run.project_id)
        .executeTakeFirstOrThrow();
      const { contract } = await contractVersion(tx, project.id, run.contract_hash);
      const crosswalks = run.crosswalk_hash
        ? (await crosswalkVersion(tx, project.id, run.crosswalk_hash)).set
        : undefined;
      await tx.db.updateTable('runs').set({ status: 'running', started_at: now() }).where('id', '=', run.id).execute();
      return { cancelled: false as const, run, project, contract, crosswalks };
    });
    if (!prepared) return;
    if (prepared.cancelled) return this.finish(job, 'cancelled', null);
    events.publish(job.runId, { type: 'run-status', status: 'running' });
    const { run, project, contract, crosswalks } = prepared;
    const store = projectRunStore(dataDir, project.id);
    let stageWrites = Promise.resolve();
    try {
      const pack = packNamed(this.ctx.packs, project.pack);
      const settings = projectSettingsSchema.parse(project.settings ?? {});
      const result = await runLifecycle({
        pack: {
          ...pack,
          contract: async () => contract,
          ...(crosswalks ? { crosswalks: async () => crosswalks } : {}),
        },
        source: run.source as LifecycleSource,
        releaseProfile: run.release_profile as never,
        target: projectTarget(dataDir, project.id, settings),
        outDir: projectRunDir(dataDir, project.id),
        from: (run.from_stage ?? undefined) as LifecycleStage | undefined,
        to: (run.to_stage ?? undefined) as LifecycleStage | undefined,
        versions: { ferry: serverVersion },
        now,
        onEvent: (event) => {
          if (this.cancelled.has(job.runId)) throw new RunCancelled();
          events.publish(job.runId, event);
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
      });
      await stageWrites;
      const outcome = result.record.outcome === 'RUNNING' ? 'ERROR' : result.record.outcome;
      await this.finish(job, 'succeeded', outcome, result.record.runId, undefined, {
        gate_outcome: result.record.gate?.outcome ?? null,
        exit_code: exitCodeOfOutcome(outcome),
      });
    } catch (e) {
      await stageWrites.catch(() => {});
      const latest = await store.latest().catch(() => undefined);
      if (e instanceof RunCancelled || this.cancelled.has(job.runId))
        return this.finish(job, 'cancelled', null, latest?.runId);
      const message = e instanceof FerryError ? e.describe() : 'internal error';
      await this.finish(job, 'failed', 'ERROR', latest?.runId, message, {
        gate_outcome: latest?.gate?.outcome ?? null,
        exit_code: exitCodeOfError(e),
      });
    }
  }

  private async finish(
    job: RunJob,
    status: 'succeeded' | 'failed' | 'cancelled',
    outcome: string | null,
    lifecycleRunId?: string,
    error?: string,
    ending?: { gate_outcome: 'PASS' | 'FAIL' | null; exit_code: number },
  ) {
    const at = this.ctx.now();
    await tenantTransaction(this.ctx.db, this.scope(job), async (tx) => {
      await tx.db
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
        .execute();
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
    });
    this.ctx.events.publish(job.runId, { type: 'run-finished', status, outcome, ...(error ? { error } : {}) });
    this.ctx.onFinished?.(status, outcome);
  }
}
