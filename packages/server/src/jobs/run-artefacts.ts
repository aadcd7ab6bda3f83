import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { FerryError, type LifecycleStage, lifecycleStages } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { RunsTable } from '../db/platform-schema.js';
import { projectRunStore } from './project-run-paths.js';

/** One artefact file of a run. */
export interface ArtefactFile {
  stage: LifecycleStage;
  file: string;
  bytes: number;
}

/** Artefact file names are plain names: no separators, no leading dot, nothing that could leave the stage folder. */
export const artefactFileName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The folder of one stage of a run (the run must have started its lifecycle). */
export function runStageDir(dataDir: string, run: Selectable<RunsTable>, stage: LifecycleStage): string {
  if (!run.lifecycle_run_id) throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no artefacts yet`);
  return projectRunStore(dataDir, run.project_id).stageDir(run.lifecycle_run_id, stage);
}

/** The files each stage of a run wrote (top level of each stage folder), in stage order. */
export async function listArtefacts(dataDir: string, run: Selectable<RunsTable>): Promise<ArtefactFile[]> {
  if (!run.lifecycle_run_id) return [];
  const files: ArtefactFile[] = [];
  for (const stage of lifecycleStages) {
    const dir = runStageDir(dataDir, run, stage);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const file of names.sort()) {
      const info = await stat(join(dir, file));
      if (info.isFile() && artefactFileName.test(file)) files.push({ stage, file, bytes: info.size });
    }
  }
  return files;
}

/** The path of one artefact, checked to stay inside its stage folder; FERRY_ERR_NOT_FOUND when it is not there. */
export async function artefactPath(
  dataDir: string,
  run: Selectable<RunsTable>,
  stage: LifecycleStage,
  file: string,
): Promise<string> {
  const dir = resolve(runStageDir(dataDir, run, stage));
  const path = resolve(dir, file);
  if (!artefactFileName.test(file) || !path.startsWith(dir + sep))
    throw new FerryError('FERRY_ERR_INPUT', 'Not an artefact file name', { field: 'file' });
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no ${stage}/${file}`);
  return path;
}
