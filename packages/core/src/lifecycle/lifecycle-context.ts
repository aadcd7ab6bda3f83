import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ZodType } from 'zod';
import type { Catalog } from '../catalog/catalog-model.js';
import type { SourceConnector } from '../connectors/source-connector.js';
import type { ContractRowLines } from '../contract/contract-csv-parser.js';
import type { MappingContract, ReleaseProfile } from '../contract/contract-model.js';
import type { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import type { CrosswalkSet } from '../crosswalk/crosswalk-model.js';
import { FerryError } from '../errors.js';
import type { EvidenceFile, EvidenceManifest, EvidenceSource } from '../evidence/evidence-package.js';
import type { Pack } from '../pack/pack.js';
import type { LifecycleStage } from './lifecycle-stages.js';
import type { LifecycleSource, RunRecord } from './run-record.js';
import type { RunStore } from './run-store.js';

/** What the caller of a lifecycle provides. */
export interface LifecycleOptions {
  pack: Pack;
  /** Where the source rows come from; with `from`, the latest run's source when left out. */
  source?: LifecycleSource;
  releaseProfile: ReleaseProfile;
  /** `pglite:PATH`, `postgres://...` or `csv:DIR`. */
  target: string;
  outDir: string;
  /** Rerun from this stage, reusing the current run's earlier artefacts (the latest run, or the one restored). */
  from?: LifecycleStage;
  /**
   * Stop after this stage: the run's outcome is then PARTIAL unless it reaches evidence. With `from` set to the same
   * stage, the run runs that one stage alone.
   */
  to?: LifecycleStage;
  /** The date ages and "not in the future" are measured at (yyyy-mm-dd). Default: the cohort's extract date, or today. */
  asOfDate?: string;
  batchSize?: number;
  /**
   * Load with this contract instead of the pack's reviewed one: a locked release-candidate version, or a project's own
   * contract for its own source layout (with `sourceCatalog`).
   */
  contract?: MappingContract;
  /** Where the rows of `contract` are in the CSV file it was read from, so that a refusal names the rows to fix. */
  contractRows?: ContractRowLines;
  /**
   * The catalog of the source being migrated, when it is not the pack's own source layout (e.g. drafted with
   * `ferry catalog draft` from the project's extract). Every stage reads it instead of the pack's; the evidence
   * package then carries it as `source_catalog.csv`.
   */
  sourceCatalog?: Catalog;
  /** At cutover_ready, refuse to run with a contract version that is not locked. */
  requireLockedContract?: boolean;
  versions: { ferry: string };
  /** The clock, for the named timestamp fields only. */
  now?: () => Date;
  onEvent?: (event: LifecycleEvent) => void;
  /**
   * Aborting it cancels the run: the record says CANCELLED, with the stage it stopped in, and the run rejects with
   * FERRY_ERR_CANCELLED at once (the stage under way is not waited for). The abort reason (e.g. 'SIGINT') is kept.
   */
  signal?: AbortSignal;
}

export type LifecycleEvent =
  | { type: 'run-start'; runId: string; runDir: string; reusedFrom?: string }
  | { type: 'stage-start'; stage: LifecycleStage }
  | { type: 'stage-progress'; stage: LifecycleStage; done: number; total: number; label?: string }
  | { type: 'stage-end'; stage: LifecycleStage; status: 'Success' | 'Reused' | 'Error'; ms?: number; rows?: number }
  | { type: 'run-cancelled'; stage?: LifecycleStage; signal: string };

/** The pack's artefacts, loaded once per run. */
export interface PackArtefacts {
  sourceCatalog: Catalog;
  targetCatalog: Catalog;
  crosswalks: CrosswalkSet;
  crosswalkIndex: CrosswalkIndex;
  contract: MappingContract;
}

/** The evidence package as the evidence stage assembled it: everything but the run's final record and the manifest. */
export interface EvidenceAssembly {
  files: Record<Exclude<EvidenceFile, 'lifecycle_run.json'>, EvidenceSource>;
  counts: NonNullable<EvidenceManifest['counts']>;
}

/** What stages share while a run goes. */
export interface LifecycleContext {
  options: LifecycleOptions;
  store: RunStore;
  record: RunRecord;
  pack: PackArtefacts;
  /** Where a stage of this run keeps its artefacts. */
  dir(stage: LifecycleStage): string;
  progress(stage: LifecycleStage, done: number, total: number, label?: string): void;
  /** The run's source once a stage opened it (`runSource`); closed when the run ends. */
  source?: Promise<SourceConnector>;
  /** Set by the evidence stage; the lifecycle seals it with the final record once the stage is recorded. */
  evidence?: EvidenceAssembly;
}

export function artefactPath(ctx: LifecycleContext, stage: LifecycleStage, file: string): string {
  return join(ctx.dir(stage), file);
}

/** Reads an earlier stage's JSON artefact and validates it with its schema. */
export async function readArtefact<T>(
  ctx: LifecycleContext,
  stage: LifecycleStage,
  file: string,
  schema: ZodType<T>,
): Promise<T> {
  const path = artefactPath(ctx, stage, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_ARTEFACT_MISSING',
      `Stage ${stage} left no ${file}`,
      { file: path, stage },
      { cause: e },
    );
  }
  return schema.parse(JSON.parse(text));
}
