import { FerryError, isFerryError, previewRollback, rollbackJob, type SqlDatabase } from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import type { RunRollback } from '../../db/platform-schema.js';
import { KeyedLock } from '../../jobs/keyed-lock.js';
import { appendRunEvent } from '../../jobs/run-event-store.js';
import { type RunLoad, runLoadOf, writeRollbackArtefact } from '../../jobs/run-rollback.js';
import { findRun, runSchema, runView } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

const tableUndo = z.object({ table: z.string(), rows: z.number().int(), restored: z.number().int() });

const previewSchema = z.object({
  runId: z.string(),
  jobId: z.string(),
  /** Where the load went, as a person names it. */
  target: z.string(),
  /** The job's status in the target. */
  status: z.string(),
  /** Per table, children first: rows the rollback would remove, and rows it would restore to their before-images. */
  tables: z.array(tableUndo),
  /** Why the rollback would be refused (as `ferry rollback` refuses it), or null. */
  refusal: z.string().nullable(),
});

const body = z.object({
  /** The job the person confirmed (from the preview): refused if it is not this run's load. */
  jobId: z.string().min(1).max(200),
});

function rollbackEnv(app: FerryApp) {
  const { config, secrets } = app.platform;
  return { dataDir: config.dataDir, secrets, targets: config };
}

/** One preview or rollback at a time per project in this process: an embedded target is one file-backed database. */
const projectLock = new KeyedLock();

async function withTarget<T>(
  run: { project_id: string },
  load: RunLoad,
  fn: (db: SqlDatabase) => Promise<T>,
): Promise<T> {
  return projectLock.run(run.project_id, async () => {
    const db = await load.open();
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  });
}

/** The load of the requested run (refusing runs that cannot be rolled back), read in the caller's scope. */
async function requestedLoad(app: FerryApp, request: FastifyRequest, runId: string) {
  return request.tenant(async (tx) => {
    const run = await findRun(tx, runId);
    return { run, load: await runLoadOf(tx, run, rollbackEnv(app)) };
  });
}

/**
 * GET /api/runs/:runId/rollback: what rolling back the run's load would do, changing nothing: the job, its target,
 * the rows it would remove and restore per table, and the refusal `ferry rollback` would give. For the confirmation.
 */
export function rollbackPreviewRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/rollback',
    {
      schema: {
        tags: ['runs'],
        summary: "Preview the rollback of a run's load",
        params: runParams,
        response: { 200: previewSchema },
      },
      config: { access: 'run.rollback' },
    },
    async (request) => {
      const { run, load } = await requestedLoad(app, request, request.params.runId);
      const preview = await withTarget(run, load, (db) => previewRollback(db, load.jobId));
      return { runId: run.id, target: load.targetName, ...preview };
    },
  );
}

/**
 * POST /api/runs/:runId/rollback: rolls the run's load back in its target (core's `rollbackJob`: exactly the rows the
 * job inserted removed, the rows it updated restored, children first, in one transaction), after the caller confirmed
 * the job by id. Refused as `ferry rollback` refuses it (already rolled back; a later job updated its rows), audited
 * either way; on success recorded on the run, in its event log (`run-rollback`) and as `migrate/rollback.json`.
 */
export function rollbackRunRoute(app: FerryApp): void {
  app.post(
    '/api/runs/:runId/rollback',
    {
      schema: {
        tags: ['runs'],
        summary: "Roll back a run's load",
        params: runParams,
        body,
        response: { 200: runSchema },
      },
      config: { access: 'run.rollback' },
    },
    async (request) => {
      const { run, load } = await requestedLoad(app, request, request.params.runId);
      const refused = async (e: unknown) => {
        await request.tenant((tx) =>
          request.audit(tx, {
            organisationId: run.organisation_id,
            action: 'run.rollback_refused',
            targetType: 'run',
            targetId: run.id,
            details: { jobId: load.jobId, reason: isFerryError(e) ? e.message : 'internal error' },
          }),
        );
      };
      if (request.body.jobId !== load.jobId) {
        const e = new FerryError(
          'FERRY_ERR_CONFLICT',
          `The rollback confirmed job ${request.body.jobId}, but run ${run.id} loaded job ${load.jobId}: confirm again`,
        );
        await refused(e);
        throw e;
      }
      let result: Awaited<ReturnType<typeof rollbackJob>>;
      try {
        result = await withTarget(run, load, (db) => rollbackJob(db, load.jobId));
      } catch (e) {
        await refused(e);
        // The CLI's own refusal, word for word; over HTTP a state conflict.
        if (isFerryError(e) && e.code === 'FERRY_ERR_USAGE')
          throw new FerryError('FERRY_ERR_CONFLICT', e.message, {}, { cause: e });
        throw e;
      }
      const rollback: RunRollback = {
        jobId: load.jobId,
        at: app.platform.now().toISOString(),
        by: request.principal!.email,
        tables: result.removed,
      };
      const updated = await request.tenant(async (tx) => {
        const row = await tx.db
          .updateTable('runs')
          .set({ rollback: JSON.stringify(rollback) })
          .where('id', '=', run.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendRunEvent(
          tx,
          { id: run.id, organisationId: run.organisation_id },
          { type: 'run-rollback', jobId: load.jobId, by: rollback.by, tables: rollback.tables },
          app.platform.db.kind === 'postgres',
        );
        await request.audit(tx, {
          organisationId: run.organisation_id,
          action: 'run.rollback',
          targetType: 'run',
          targetId: run.id,
          details: { jobId: load.jobId, target: load.targetName, tables: rollback.tables },
        });
        return row;
      });
      await writeRollbackArtefact(app.platform.config.dataDir, updated, { ...rollback, target: load.targetName });
      return runView(updated);
    },
  );
}
