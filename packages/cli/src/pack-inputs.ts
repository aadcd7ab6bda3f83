import {
  type Catalog,
  CrosswalkIndex,
  type CrosswalkSet,
  type MappingContract,
  readCatalogCsv,
  readContractFile,
  readCrosswalkCsv,
} from '@ferry/core';
import { loadPack } from './packs.js';

/** Options that choose a contract and what it needs: a pack, or files that override the pack's. */
export interface PackInputFlags {
  pack: string;
  contract?: string;
  targetCatalog?: string;
  crosswalks?: string;
}

export interface PackInputs {
  contract: MappingContract;
  targetCatalog: Catalog;
  crosswalks: CrosswalkSet;
  crosswalkIndex: CrosswalkIndex;
}

/** Loads the contract, target catalog and crosswalks for a load: from files when given, else from the pack. */
export async function loadPackInputs(flags: PackInputFlags): Promise<PackInputs> {
  const pack = loadPack(flags.pack);
  const [contract, targetCatalog, crosswalks] = await Promise.all([
    flags.contract ? readContractFile(flags.contract) : pack.contract(),
    flags.targetCatalog ? readCatalogCsv(flags.targetCatalog) : pack.targetCatalog(),
    flags.crosswalks ? readCrosswalkCsv(flags.crosswalks) : pack.crosswalks(),
  ]);
  return { contract, targetCatalog, crosswalks, crosswalkIndex: new CrosswalkIndex(crosswalks) };
}

/** Parses `csv:DIR` (or a bare folder path) as a CSV source folder. */
export function csvSourcePath(spec: string): string {
  return spec.startsWith('csv:') ? spec.slice(4) : spec;
}
