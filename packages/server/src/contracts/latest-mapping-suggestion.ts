import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError, type MappingSuggestion, mappingSuggestionSchema } from '@ferry/core';
import type { TenantTx } from '../db/tenant-transaction.js';
import { runStageDir } from '../jobs/run-artefacts.js';

/** How many recent runs are looked at for a suggestion (a rerun from a later stage has none of its own). */
const runsLooked = 20;
/** Parsed suggestions kept in memory, by file and modification time (written once per run). */
const cacheSize = 8;
const cache = new Map<string, { mtimeMs: number; suggestion: MappingSuggestion }>();

async function readSuggestion(path: string): Promise<MappingSuggestion | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === info.mtimeMs) return cached.suggestion;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_INTERNAL',
      'a run mapping suggestion is not valid JSON',
      { file: 'map/suggestion.json' },
      { cause: e },
    );
  }
  const parsed = mappingSuggestionSchema.safeParse(json);
  if (!parsed.success) {
    throw new FerryError('FERRY_ERR_INTERNAL', 'a run mapping suggestion does not follow the suggestion format', {
      file: 'map/suggestion.json',
    });
  }
  cache.delete(path);
  cache.set(path, { mtimeMs: info.mtimeMs, suggestion: parsed.data });
  while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return parsed.data;
}

/**
 * The mapping suggestion of a project's most recent run that has one (its `map/suggestion.json`), with that run's id;
 * undefined when no run has reached the map stage yet.
 */
export async function latestMappingSuggestion(
  tx: TenantTx,
  dataDir: string,
  projectId: string,
): Promise<{ runId: string; suggestion: MappingSuggestion } | undefined> {
  const runs = await tx.db
    .selectFrom('runs')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('lifecycle_run_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(runsLooked)
    .execute();
  for (const run of runs) {
    const suggestion = await readSuggestion(join(runStageDir(dataDir, run, 'map'), 'suggestion.json'));
    if (suggestion) return { runId: run.id, suggestion };
  }
  return undefined;
}
