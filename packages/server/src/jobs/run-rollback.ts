import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError, openDatabase, type SqlDatabase } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { ServerConfig } from '../config/server-config.js';
import type { RunRollback, RunsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import type { SecretBox } from '../identity/secret-box.js';
import { readRegisteredTarget, registeredTargetUrl } from '../targets/run-target.js';
import { projectRunStore, projectTarget } from './project-run-paths.js';
import { runStageDir } from './run-artefacts.js';

/** The load of a finished run and where it went: the job, and how to reach its target (not yet opened). */
export interface RunLoad {
  jobId: string;
  /** How the target is named to a person: the registered target's name, or the project's embedded database. */
  targetName: string;
  /** Opens the target (for a registered one: its host checked now, its password unsealed). */
  open(): Promise<SqlDatabase>;
}

const csvRefusal = 'A CSV target is a folder of files: delete it, or rerun the job; rollback works on database targets';

/**
 * The load of a run that can be rolled back: the run has finished, no run of its project is queued or running (its
 * target may be in use), its migrate stage ran, and it loaded into a database (the project's embedded one or a
 * registered target database). Refuses otherwise, saying why; a CSV target is refused as `ferry rollback` refuses it.
 */
export async function runLoadOf(
  tx: TenantTx,
  run: Selectable<RunsTable>,
  env: { dataDir: string; secrets: SecretBox; targets: Pick<ServerConfig, 'databaseUrl' | 'localDbHosts'> },
): Promise<RunLoad> {
  if (run.status === 'queued' || run.status === 'running')
    throw new FerryError(
      'FERRY_ERR_CONFLICT',
      `Run ${run.id} is ${run.status}: roll its load back once it has finished`,
    );
  const active = await tx.db
    .selectFrom('runs')
    .select('id')
    .where('project_id', '=', run.project_id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (active)
    throw new FerryError(
      'FERRY_ERR_CONFLICT',
      `Run ${active.id} of this project has not finished: roll back once it has (it may be loading into the same target)`,
    );
  const record = run.lifecycle_run_id
    ? await projectRunStore(env.dataDir, run.project_id)
        .load(run.lifecycle_run_id)
        .catch(() => undefined)
    : undefined;
  if (!record?.jobId)
    throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} loaded nothing: its migrate stage did not run`);
  const jobId = record.jobId;
  if (run.target_id) {
    const target = await readRegisteredTarget(tx, env.targets, run.organisation_id, run.target_id);
    return {
      jobId,
      targetName: `target database ${target.row.name}`,
      open: async () => openDatabase(await registeredTargetUrl(target, env.secrets)),
    };
  }
  const loadedInto = record.arguments.target;
  if (loadedInto.startsWith('csv:')) throw new FerryError('FERRY_ERR_CONFLICT', csvRefusal);
  const embedded = projectTarget(env.dataDir, run.project_id, { target: 'pglite' });
  // Only the project's own embedded database: never a path read back from a file.
  if (loadedInto !== embedded)
    throw new FerryError('FERRY_ERR_CONFLICT', `Run ${run.id} loaded into a target this server does not manage`);
  return { jobId, targetName: "the project's embedded database", open: () => openDatabase(embedded) };
}

/** Writes the rollback record beside the run's load report (`migrate/rollback.json`): evidence of what was undone. */
export async function writeRollbackArtefact(
  dataDir: string,
  run: Selectable<RunsTable>,
  rollback: RunRollback & { target: string },
): Promise<void> {
  const dir = runStageDir(dataDir, run, 'migrate');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'rollback.json'), `${JSON.stringify(rollback, null, 2)}\n`);
}
