import {
  assertContractLoadable,
  type Catalog,
  type ContractRowLines,
  CrosswalkIndex,
  type CrosswalkSet,
  type CsvReadOptions,
  CsvSourceConnector,
  FerryError,
  type MappingContract,
  parseSourceSpec,
  readCatalogCsv,
  readCrosswalkCsv,
  type SourceConnector,
  sourceConnectorTypes,
} from '@ferry/core';
import { readContractWithRows } from './commands/contract-inputs.js';
import { loadPack } from './packs.js';

/** Options that choose a contract and what it needs: a pack, or files that override the pack's. */
export interface PackInputFlags {
  pack: string;
  contract?: string;
  targetCatalog?: string;
  crosswalks?: string;
  /** The source's catalog: when given, the contract is checked against it before anything loads. */
  sourceCatalog?: string;
}

export interface PackInputs {
  contract: MappingContract;
  targetCatalog: Catalog;
  crosswalks: CrosswalkSet;
  crosswalkIndex: CrosswalkIndex;
  /** Where the contract's rows are, when it was read from a CSV file. */
  contractRows?: ContractRowLines;
}

/**
 * Loads the contract (JSON or CSV), target catalog and crosswalks for a load: from files when given, else from the
 * pack. With a source catalog, a contract that cannot load against it is refused, naming the rows to fix.
 */
export async function loadPackInputs(flags: PackInputFlags): Promise<PackInputs> {
  const pack = loadPack(flags.pack);
  const [located, targetCatalog, crosswalks, sourceCatalog] = await Promise.all([
    flags.contract
      ? readContractWithRows(flags.contract)
      : pack.contract().then((contract): { contract: MappingContract; rows?: ContractRowLines } => ({ contract })),
    flags.targetCatalog ? readCatalogCsv(flags.targetCatalog) : pack.targetCatalog(),
    flags.crosswalks ? readCrosswalkCsv(flags.crosswalks) : pack.crosswalks(),
    flags.sourceCatalog ? readCatalogCsv(flags.sourceCatalog) : undefined,
  ]);
  const crosswalkIndex = new CrosswalkIndex(crosswalks);
  const { contract, rows } = located;
  if (sourceCatalog) {
    assertContractLoadable(
      contract,
      { sourceCatalog, targetCatalog, crosswalkCodeTypes: crosswalkIndex.codeTypes() },
      rows,
    );
  }
  return { contract, targetCatalog, crosswalks, crosswalkIndex, ...(rows ? { contractRows: rows } : {}) };
}

/** Parses `csv:DIR` (or a bare folder path) as a CSV source folder. */
export function csvSourcePath(spec: string): string {
  return spec.startsWith('csv:') ? spec.slice(4) : spec;
}

/** The `--source` forms of every registered connector type except CSV, for option help. */
export function sourceKindsHelp(): string {
  return sourceConnectorTypes
    .filter((t) => t.kind !== 'csv')
    .map((t) => t.specExample)
    .join(', ');
}

/**
 * Opens the source a `--source` spec names through the connector registry: a CSV folder (`csv:DIR` or `DIR`, read with
 * the CSV options given) or any registered kind (`json:DIR`, `xlsx:FILE`, `dump:LAYOUT`, `postgres://...`,
 * `mysql://...`). Another scheme is FERRY_ERR_USAGE. The caller closes the connector.
 */
export async function openCliSource(spec: string, csv: CsvReadOptions = {}): Promise<SourceConnector> {
  const { type, settings } = parseSourceSpec(spec);
  if (type.kind !== 'csv') return type.open(settings);
  if (/^[a-z][a-z0-9+]*:/i.test(spec) && !spec.startsWith('csv:') && !/^[a-z]:[\\/]/i.test(spec)) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `--source must be csv:DIR or one of ${sourceConnectorTypes.map((t) => t.specExample).join(', ')} (got a '${spec.split(':')[0]}:' source)`,
    );
  }
  return CsvSourceConnector.open(csvSourcePath(spec), csv);
}
