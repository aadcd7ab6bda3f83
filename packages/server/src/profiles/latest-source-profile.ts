import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError, type ProfileReport, profileReportSchema } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { RunsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { runStageDir } from '../jobs/run-artefacts.js';

/** The profile of a project's source as its latest profiled run wrote it. */
export interface LatestSourceProfile {
  run: Selectable<RunsTable>;
  report: ProfileReport;
}

/** How many recent runs are looked at for a profile (a rerun from a later stage reuses an earlier one's). */
const runsLooked = 20;
/** Parsed profiles kept in memory, by file and modification time (a profile file is written once per run). */
const cacheSize = 8;
const cache = new Map<string, { mtimeMs: number; report: ProfileReport }>();

async function readProfile(path: string): Promise<ProfileReport | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === info.mtimeMs) return cached.report;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_INTERNAL',
      'a run profile is not valid JSON',
      { file: 'profile/profile.json' },
      { cause: e },
    );
  }
  const parsed = profileReportSchema.safeParse(json);
  if (!parsed.success) {
    throw new FerryError('FERRY_ERR_INTERNAL', 'a run profile does not follow the profile format', {
      file: 'profile/profile.json',
    });
  }
  cache.delete(path);
  cache.set(path, { mtimeMs: info.mtimeMs, report: parsed.data });
  while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return parsed.data;
}

/**
 * The source profile of a project's most recent run that has one (its `profile/profile.json` artefact), or undefined
 * when no run has profiled the source yet.
 */
export async function latestSourceProfile(
  tx: TenantTx,
  dataDir: string,
  projectId: string,
): Promise<LatestSourceProfile | undefined> {
  const runs = await tx.db
    .selectFrom('runs')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('lifecycle_run_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(runsLooked)
    .execute();
  for (const run of runs) {
    const report = await readProfile(join(runStageDir(dataDir, run, 'profile'), 'profile.json'));
    if (report) return { run, report };
  }
  return undefined;
}
