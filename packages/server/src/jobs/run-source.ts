import { stat } from 'node:fs/promises';
import { CsvSourceConnector, FerryError } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { RunsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { projectRunStore } from './project-run-paths.js';
import { findRun } from './run-view.js';

/** The source data a run read: the run, and its source extract opened as a CSV connector. */
export interface RunSource {
  run: Selectable<RunsTable>;
  source: CsvSourceConnector;
}

const finished: Array<Selectable<RunsTable>['status']> = ['succeeded', 'failed', 'cancelled'];

/** The source folder of a run when its record names one that still exists, else undefined. */
async function sourceDirOf(dataDir: string, run: Selectable<RunsTable>): Promise<string | undefined> {
  if (!run.lifecycle_run_id) return undefined;
  const record = await projectRunStore(dataDir, run.project_id)
    .load(run.lifecycle_run_id)
    .catch(() => undefined);
  if (!record?.sourceDir) return undefined;
  const info = await stat(record.sourceDir).catch(() => undefined);
  return info?.isDirectory() ? record.sourceDir : undefined;
}

/**
 * The source extract of a project's run: the given run (which must belong to the project), or else the newest finished
 * run of the project whose source folder is still there. FERRY_ERR_NOT_FOUND when there is none (no run has read a
 * source yet), naming what to do.
 */
export async function projectRunSource(
  tx: TenantTx,
  dataDir: string,
  projectId: string,
  runId?: string,
): Promise<RunSource> {
  if (runId) {
    const run = await findRun(tx, runId);
    if (run.project_id !== projectId) throw new FerryError('FERRY_ERR_NOT_FOUND', `No run ${runId} in this project`);
    if (!finished.includes(run.status))
      throw new FerryError(
        'FERRY_ERR_CONFLICT',
        `Run ${runId} is ${run.status}: its source is read once it has finished`,
      );
    const dir = await sourceDirOf(dataDir, run);
    if (!dir) throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${runId} has no source extract`);
    return { run, source: await CsvSourceConnector.open(dir) };
  }
  const runs = await tx.db
    .selectFrom('runs')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('lifecycle_run_id', 'is not', null)
    .where('status', 'in', finished)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  for (const run of runs) {
    const dir = await sourceDirOf(dataDir, run);
    if (dir) return { run, source: await CsvSourceConnector.open(dir) };
  }
  throw new FerryError(
    'FERRY_ERR_NOT_FOUND',
    `Project ${projectId} has no run with a source extract yet: run the lifecycle (at least its generate and profile stages) first`,
  );
}
