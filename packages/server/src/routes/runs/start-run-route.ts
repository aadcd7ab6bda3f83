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
import { connectorRunSource, rerunSourceOf } from '../../connectors/connector-run-source.js';
import { contractCheckInputs } from '../../contracts/contract-load-guard.js';
import { currentContract } from '../../contracts/project-contract-store.js';
import { currentCrosswalks } from '../../crosswalks/project-crosswalk-store.js';
import type { TenantTx } from '../../db/tenant-transaction.js';
import { projectSettingsSchema } from '../../jobs/project-run-paths.js';
import { runSchema, runView } from '../../jobs/run-view.js';
import { assertContractLoadsForRun } from '../../sources/contract-load-check.js';
import { currentSourceCatalog } from '../../sources/project-source-catalog-store.js';
import { findTarget } from '../../targets/target-view.js';
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
    /** Load into this registered target database instead of the project's target (its settings). */
    targetId: idSchema.optional(),
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
 * The registered target database a new run loads into: the one asked for, else the project's (its settings), else
 * none (the project's embedded database or CSV folder). Only the project's own organisation's targets.
 */
async function runTargetOf(
  tx: TenantTx,
  project: { organisation_id: string; settings: unknown },
  asked: string | undefined,
): Promise<{ id: string; name: string } | undefined> {
  const settings = projectSettingsSchema.safeParse(project.settings ?? {});
  const targetId =
    asked ?? (settings.success && settings.data.target === 'database' ? settings.data.targetId : undefined);
  if (!targetId) return undefined;
  const target = await findTarget(tx, targetId);
  if (target.organisation_id !== project.organisation_id)
    throw new FerryError('FERRY_ERR_NOT_FOUND', `No target database ${targetId}`);
  return target;
}

/**
 * POST /api/projects/:projectId/runs: queues a lifecycle run of the project's current contract version (202); it
 * runs in the job runner (in process on PGlite, graphile-worker on PostgreSQL). cutover_ready needs a locked
 * contract. A project with a source catalog of its own (drafted from its extract) runs with its current version,
 * from a connector (a generated cohort has the pack's layout). A contract that cannot load against the project's
 * catalogs is refused before the run is queued (400, one issue per row to fix, with its line in the contract CSV). The run loads into the registered target database asked for or chosen by the project, resolved from the
 * registry (and its password unsealed) only when the run executes.
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
      const { releaseProfile, source, fromStage, toStage, targetId } = request.body;
      let discardSource = async () => {};
      const run = await request
        .tenant(async (tx) => {
          const project = await findProject(tx, request.params.projectId);
          const { row, contract } = await currentContract(tx, project.id);
          const crosswalks = await currentCrosswalks(tx, project.id);
          assertLockedForCutover(contract, releaseProfile);
          const ownCatalog = await currentSourceCatalog(tx, project.id);
          if (ownCatalog && source?.kind === 'generated') {
            throw new FerryError(
              'FERRY_ERR_USAGE',
              "This project reads its own source layout (its source catalog was drafted from its extract); a generated cohort has the pack's layout: start the run from a connector",
            );
          }
          assertContractLoadsForRun(contract, await contractCheckInputs(app, tx, project), row);
          const target = await runTargetOf(tx, project, targetId);
          let runSource: Record<string, unknown> = source ?? { kind: 'reused' };
          if (fromStage) {
            const previous = await tx.db
              .selectFrom('runs')
              .select(['status', 'source'])
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
            // A rerun of a run that read a connector in place opens that connector again when it executes.
            runSource = rerunSourceOf(previous.source);
          }
          if (source?.kind === 'connector') {
            const fromConnector = await connectorRunSource(
              await connectorEnvironment(app, tx, project.organisation_id),
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
              source_catalog_hash: ownCatalog?.row.hash ?? null,
              target_id: target?.id ?? null,
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
              ...(ownCatalog ? { sourceCatalogHash: ownCatalog.row.hash } : {}),
              ...(target ? { targetId: target.id, target: target.name } : {}),
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
