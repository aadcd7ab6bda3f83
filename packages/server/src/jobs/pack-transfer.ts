import type {
  Catalog,
  CheckDefinition,
  CodeSetEntry,
  CrosswalkSet,
  GateThresholdsFile,
  GenerateOptions,
  GenerateResult,
  MappingContract,
  Pack,
  ReleaseProfile,
} from '@ferry/core';
import { releaseProfiles } from '@ferry/core';
import { defaultPacks } from '../packs/pack-registry.js';

/** A pack's artefacts read once, so that another thread can run the lifecycle with them. */
export interface PackSnapshot {
  name: string;
  description: string;
  sourceCatalog: Catalog;
  targetCatalog: Catalog;
  crosswalks: CrosswalkSet;
  contract: MappingContract;
  qualityChecks: CheckDefinition[];
  codeSets: CodeSetEntry[];
  gateThresholds: Partial<Record<ReleaseProfile, GateThresholdsFile>>;
}

/**
 * How a run thread gets its pack: a pack the server ships is loaded there by name (its generator then runs in the
 * thread too); any other pack (one a caller registered) goes as a snapshot of its artefacts, and its generator is
 * called back in the thread that holds it.
 */
export type PackTransfer = { kind: 'shipped'; name: string } | { kind: 'snapshot'; snapshot: PackSnapshot };

/** The transfer of `pack` to a run thread. */
export async function packTransfer(pack: Pack): Promise<PackTransfer> {
  if (defaultPacks().get(pack.name) === pack) return { kind: 'shipped', name: pack.name };
  const [sourceCatalog, targetCatalog, crosswalks, contract, qualityChecks, codeSets] = await Promise.all([
    pack.sourceCatalog(),
    pack.targetCatalog(),
    pack.crosswalks(),
    pack.contract(),
    pack.qualityChecks(),
    pack.codeSets(),
  ]);
  const gateThresholds: Partial<Record<ReleaseProfile, GateThresholdsFile>> = {};
  for (const profile of releaseProfiles) {
    const file = await pack.gateThresholds(profile);
    if (file) gateThresholds[profile] = file;
  }
  return {
    kind: 'snapshot',
    snapshot: {
      name: pack.name,
      description: pack.description,
      sourceCatalog,
      targetCatalog,
      crosswalks,
      contract,
      qualityChecks,
      codeSets,
      gateThresholds,
    },
  };
}

/** The pack a transfer stands for, in the run thread; `generate` runs a snapshot pack's generator where it is held. */
export function packOf(
  transfer: PackTransfer,
  generate: (options: GenerateOptions) => Promise<GenerateResult>,
): Pack | undefined {
  if (transfer.kind === 'shipped') return defaultPacks().get(transfer.name);
  const s = transfer.snapshot;
  return {
    name: s.name,
    description: s.description,
    sourceCatalog: async () => s.sourceCatalog,
    targetCatalog: async () => s.targetCatalog,
    crosswalks: async () => s.crosswalks,
    contract: async () => s.contract,
    qualityChecks: async () => s.qualityChecks,
    codeSets: async () => s.codeSets,
    gateThresholds: async (profile) => s.gateThresholds[profile],
    generate,
  };
}
