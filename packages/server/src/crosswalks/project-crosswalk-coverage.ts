import {
  type CodeSuggestion,
  type CrosswalkCoverageReport,
  type CrosswalkSet,
  type MappingContract,
  measureCrosswalkCoverage,
  type Pack,
} from '@ferry/core';
import type { Platform } from '../app-types.js';
import { currentContract } from '../contracts/project-contract-store.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { projectRunSource } from '../jobs/run-source.js';
import { packCatalog } from '../packs/pack-catalogs.js';
import { packNamed } from '../packs/pack-registry.js';
import { findProject } from '../tenancy/project-view.js';
import { currentCrosswalks, type ProjectCrosswalkVersion } from './project-crosswalk-store.js';

/** Crosswalk coverage of one run's source extract under the project's current contract and crosswalks. */
export interface ProjectCoverage {
  runId: string;
  contractHash: string;
  crosswalks: ProjectCrosswalkVersion;
  report: CrosswalkCoverageReport;
}

/** Coverage reports by run, contract and crosswalk version (all immutable), the last few kept. */
class CoverageCache {
  private readonly entries = new Map<string, Promise<CrosswalkCoverageReport>>();

  constructor(private readonly capacity = 16) {}

  get(key: string, measure: () => Promise<CrosswalkCoverageReport>): Promise<CrosswalkCoverageReport> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const measuring = measure().catch((e) => {
      this.entries.delete(key);
      throw e;
    });
    this.entries.set(key, measuring);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return measuring;
  }
}

const caches = new WeakMap<Platform, CoverageCache>();

/**
 * Measures crosswalk coverage with core's `measureCrosswalkCoverage` on a finished run's source extract (the given
 * run, else the project's newest with an extract): every coded value counted as the load would look it up, unmapped
 * codes with their counts, labels from the source lookups and national code suggestions (the pack's code sets).
 * Runs inside the caller's tenant transaction (a write locks the project first, so it measures what it changes).
 */
export async function projectCoverage(
  platform: Platform,
  tx: TenantTx,
  projectId: string,
  runId?: string,
): Promise<ProjectCoverage> {
  const project = await findProject(tx, projectId);
  const [contract, crosswalks, data] = await Promise.all([
    currentContract(tx, project.id),
    currentCrosswalks(tx, project.id),
    projectRunSource(tx, platform.config.dataDir, project.id, runId),
  ]);
  let cache = caches.get(platform);
  if (!cache) {
    cache = new CoverageCache();
    caches.set(platform, cache);
  }
  const pack = packNamed(platform.packs, project.pack);
  const report = await cache.get(`${data.run.id}|${contract.row.hash}|${crosswalks.hash}`, () =>
    measure(pack, contract.contract, crosswalks.set, data.source),
  );
  return { runId: data.run.id, contractHash: contract.row.hash, crosswalks, report };
}

async function measure(
  pack: Pack,
  contract: MappingContract,
  crosswalks: CrosswalkSet,
  source: Parameters<typeof measureCrosswalkCoverage>[0]['source'],
): Promise<CrosswalkCoverageReport> {
  const [sourceCatalog, codeSets] = await Promise.all([packCatalog(pack, 'source'), pack.codeSets()]);
  return measureCrosswalkCoverage({ contract, crosswalks, source, sourceCatalog, codeSets });
}

/** Why a suggestion is made, in words for the reviewer. */
export function suggestionReason(label: string, s: CodeSuggestion): string {
  return s.basis === 'national label'
    ? `the local label '${label}' resembles the national label '${s.matchedLabel}'`
    : `the local label '${label}' resembles '${s.matchedLabel}', a local label already approved to ${s.targetCode}`;
}
