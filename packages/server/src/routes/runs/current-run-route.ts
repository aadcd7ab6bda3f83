import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import type { TenantTx } from '../../db/tenant-transaction.js';
import { projectRunStore } from '../../jobs/project-run-paths.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';

export const currentRunSchema = z.object({
  /** The platform run whose snapshot is current (null before the first run). */
  runId: z.string().nullable(),
  lifecycleRunId: z.string().nullable(),
  /** True when an earlier run was restored; false when the latest run is current. */
  restored: z.boolean(),
});

/** The project's current run: the snapshot the next rerun from a stage reuses. */
export async function currentRunView(tx: TenantTx, dataDir: string, projectId: string) {
  const store = projectRunStore(dataDir, projectId);
  const [current, latest] = await Promise.all([store.current(), store.latest()]);
  if (!current) return { runId: null, lifecycleRunId: null, restored: false };
  const run = await tx.db
    .selectFrom('runs')
    .select('id')
    .where('project_id', '=', projectId)
    .where('lifecycle_run_id', '=', current.runId)
    .executeTakeFirst();
  return { runId: run?.id ?? null, lifecycleRunId: current.runId, restored: current.runId !== latest?.runId };
}

/** GET /api/projects/:projectId/runs/current: which run's snapshot is current (the latest, or the one restored). */
export function currentRunRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/runs/current',
    {
      schema: {
        tags: ['runs'],
        summary: "The project's current run",
        params: projectParams,
        response: { 200: currentRunSchema },
      },
      config: { access: 'run.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        return currentRunView(tx, app.platform.config.dataDir, project.id);
      }),
  );
}
