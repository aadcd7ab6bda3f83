import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunStore } from '../lifecycle/run-store.js';
import type { PurgeCandidate } from './purge-plan.js';
import type { RetentionKind } from './retention-policy.js';

/** The retention kind of a run's stage folder: the generated or copied extract, the evidence, or working files. */
export function stageRetentionKind(stage: string): RetentionKind {
  return stage === 'generate' ? 'extract' : stage === 'evidence' ? 'evidence' : 'run_folder';
}

/**
 * What retention may remove from a run store: each finished run's stage folders that are still there, anchored at the
 * run's gate decision when the caller knows one (`decisions`, by run id), else at the run's end. Running runs and the
 * run records themselves (`run.json`) are never candidates.
 */
export async function runStoreCandidates(
  store: RunStore,
  decisions: ReadonlyMap<string, string> = new Map(),
): Promise<PurgeCandidate[]> {
  const out: PurgeCandidate[] = [];
  for (const run of await store.list()) {
    if (run.outcome === 'RUNNING' || !run.finishedAt) continue;
    const decided = decisions.get(run.runId);
    const names = await readdir(store.runDir(run.runId)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const path = store.stageDir(run.runId, name);
      if (
        !(await stat(path).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      )
        continue;
      out.push({
        kind: stageRetentionKind(name),
        owner: run.runId,
        path,
        anchor: decided ?? run.finishedAt,
        anchorKind: decided ? 'gate_decision' : 'run_finished',
      });
    }
  }
  return out;
}

/** Joins a run folder's purge record path. */
export function purgeRecordPath(store: RunStore, runId: string): string {
  return join(store.runDir(runId), 'purge-record.json');
}
