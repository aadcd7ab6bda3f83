import {
  assertLockedForCutover,
  defectLevels,
  FerryError,
  type LifecycleStage,
  lifecycleStages,
  releaseProfiles,
  stageIndex,
} from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorRunSource } from '../../connectors/connector-run-source.js';
import { currentContract } from '../../contracts/project-contract-store.js';
import { currentCrosswalks } from '../../crosswalks/project-crosswalk-store.js';
import { runSchema, runView } from '../../jobs/run-view.js';
import { findProject } from '../../tenancy/project-view.js';
import { connectorEnvironment } from '../connectors/connector-environment.js';
import { projectParams } from '../projects/get-project-route.js';
import { idSchema } from '../schemas.js';

const body = z
  .object({
    releaseProfile: z.enum(releaseProfiles),
    /**
     * A synthetic cohort from the pack's generator, or the CSV extracts of one of the project's connectors (real
     * extracts arrive through connectors, never as server paths).
     */
    source: z
      .discriminatedUnion('kind', [
        z.object({
          kind: z.literal('generated'),
          patients: z.number().int().min(1).max(1_000_000),
          seed: z
            .number()
            .int()
            .min(0)
            .max(2 ** 31 - 1)
            .default(1),
          defects: z.enum(defectLevels).default('none'),
        }),
        z.object({ kind: z.literal('connector'), connectorId: idSchema }),
      ])
      .optional(),
    /** Rerun from this stage, reusing the project's current run's earlier artefacts (the latest, or the restored). */
    fromStage: z.enum(lifecycleStages.filter((s) => s !== 'generate') as [string, ...string[]]).optional(),
    /** Stop after this stage (outcome PARTIAL before evidence); with fromStage the same, the stage runs alone. */
    toStage: z.enum(lifecycleStages).optional(),
  })
  .refine(
    (b) => (b.source === undefined) !== (b.fromStage === undefined),
    'give a source for a new run, or fromStage to rerun',
  )
  .refine((b) => !b.fromStage || !b.toStage || stageIndex(b.toStage) >= stageIndex(b.fromStage as LifecycleStage), {
    message: 'toStage comes before fromStage',
    path: ['toStage'],
  });

/**
 * POST /api/projects/:projectId/runs: queues a lifecycle run of the project's current contract version (202); it
 * runs in the job runner (in process on PGlite, graphile-worker on PostgreSQL). cutover_ready needs a locked
 * contract.
 */
export function startRunRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'Start a lifecycle run (or rerun from a stage, or run one stage)',
        params: projectParams,
        body,
        response: { 202: runSchema },
      },
      config: { access: 'lifecycle.run' },
    },
    async (request, reply) => {
      const { releaseProfile, source, fromStage, toStage } = request.body;
      let discardSource = async () => {};
      const run = await request
        .tenant(async (tx) => {
          const project = await findProject(tx, request.params.projectId);
          const { row, contract } = await currentContract(tx, project.id);
          const crosswalks = await currentCrosswalks(tx, project.id);
          assertLockedForCutover(contract, releaseProfile);
          if (fromStage) {
            const previous = await tx.db
              .selectFrom('runs')
              .select('status')
              .where('project_id', '=', project.id)
              .where('lifecycle_run_id', 'is not', null)
              .orderBy('created_at', 'desc')
              .limit(1)
              .executeTakeFirst();
            if (!previous)
              throw new FerryError(
                'FERRY_ERR_CONFLICT',
                `Rerun from ${fromStage} needs an earlier run of this project`,
              );
          }
          let runSource: Record<string, unknown> = source ?? { kind: 'reused' };
          if (source?.kind === 'connector') {
            const fromConnector = await connectorRunSource(
              connectorEnvironment(app),
              tx,
              project.id,
              source.connectorId,
            );
            runSource = { ...fromConnector.source };
            discardSource = fromConnector.discard;
          }
          const created = await tx.db
            .insertInto('runs')
            .values({
              organisation_id: project.organisation_id,
              project_id: project.id,
              release_profile: releaseProfile,
              source: JSON.stringify(runSource),
              from_stage: fromStage ?? null,
              to_stage: toStage && toStage !== 'evidence' ? toStage : null,
              contract_hash: row.hash,
              crosswalk_hash: crosswalks.hash,
              started_by: request.principal!.userId,
              created_at: app.platform.now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await request.audit(tx, {
            organisationId: project.organisation_id,
            action: 'run.start',
            targetType: 'run',
            targetId: created.id,
            details: {
              projectId: project.id,
              releaseProfile,
              fromStage: fromStage ?? null,
              toStage: toStage ?? null,
              ...(source?.kind === 'connector' ? { connectorId: source.connectorId } : {}),
              contractHash: row.hash,
              crosswalkHash: crosswalks.hash,
            },
          });
          return created;
        })
        .catch(async (e: unknown) => {
          await discardSource();
          throw e;
        });
      await app.platform.jobs.enqueue({
        runId: run.id,
        orgId: run.organisation_id,
        projectId: run.project_id,
        startedBy: run.started_by,
      });
      return reply.status(202).send(runView(run));
    },
  );
}
