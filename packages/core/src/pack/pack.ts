import type { Catalog } from '../catalog/catalog-model.js';
import type { MappingContract, ReleaseProfile } from '../contract/contract-model.js';
import type { CrosswalkSet } from '../crosswalk/crosswalk-model.js';
import type { GateThresholdsFile } from '../gate/gate-thresholds.js';
import type { CheckKind } from '../quality/check-kind.js';
import type { CheckDefinition } from '../quality/check-model.js';
import type { CodeSetEntry } from '../quality/code-sets.js';
import type { StringStep } from '../transform/transform-steps.js';

export const defectLevels = ['none', 'typical', 'heavy'] as const;
export type DefectLevel = (typeof defectLevels)[number];

export interface GenerateOptions {
  patients: number;
  seed: number;
  defects: DefectLevel;
  /** Writes `outDir/source/`, `outDir/expected/` and `outDir/defects.csv`. */
  outDir: string;
  /** Called now and then with the number of patients done. */
  onProgress?: (patientsDone: number, patientsTotal: number) => void;
}

export interface GenerateResult {
  /** Rows written per file, relative to outDir (e.g. `source/PATIENT.csv`). */
  files: Record<string, number>;
  defects: number;
  /** The date the synthetic extract was taken (yyyy-mm-dd): ages and "future" are measured at it. */
  extractDate?: string;
}

/**
 * A ready migration kit for one source system and one target: catalogs, crosswalks, the reviewed
 * contract, quality checks and a synthetic cohort generator.
 */
export interface Pack {
  name: string;
  description: string;
  sourceCatalog(): Promise<Catalog>;
  targetCatalog(): Promise<Catalog>;
  crosswalks(): Promise<CrosswalkSet>;
  /** The reviewed (gold) mapping contract. */
  contract(): Promise<MappingContract>;
  qualityChecks(): Promise<CheckDefinition[]>;
  /** National code lists per code type, for code-set membership checks. */
  codeSets(): Promise<CodeSetEntry[]>;
  /** The pack's gate thresholds for a release profile (over Ferry's built-in ones), if it has any. */
  gateThresholds(profile: ReleaseProfile): Promise<GateThresholdsFile | undefined>;
  generate(options: GenerateOptions): Promise<GenerateResult>;
  /**
   * Transform steps of the pack's own (e.g. optical prescription transposition), usable in its contracts once the
   * pack is registered (`registerPackExtensions`). Names must not clash with built-in steps.
   */
  transformSteps?: Readonly<Record<string, StringStep>>;
  /** Quality check kinds of the pack's own, usable in its checks once the pack is registered. */
  checkKinds?: ReadonlyArray<CheckKind<unknown>>;
  /**
   * Source-system presets: the same target with another source layout (e.g. one per outgoing vendor). A preset is
   * named `<pack>:<preset>` in the registry and replaces the pack's source catalog, contract, crosswalks and
   * generator.
   */
  presets?: ReadonlyArray<PackPreset>;
}

/** A source-system preset of a pack: what differs from the pack when the source is another system. */
export interface PackPreset {
  name: string;
  description: string;
  sourceCatalog(): Promise<Catalog>;
  contract(): Promise<MappingContract>;
  crosswalks(): Promise<CrosswalkSet>;
  generate(options: GenerateOptions): Promise<GenerateResult>;
}
