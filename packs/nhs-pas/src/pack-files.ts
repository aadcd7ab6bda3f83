import { fileURLToPath } from 'node:url';

/** A data file of the pack, resolved from the package root (`src/` and `dist/` both sit one level below it). */
function packFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/**
 * Absolute paths of the nhs-pas pack's data files.
 *
 * @example
 * readFileSync(nhsPasPackFiles.contract, 'utf8') // the reviewed contract JSON
 */
export const nhsPasPackFiles = {
  /** The full legacy source catalog (in-scope tables plus the long tail), written by `scripts/long-tail*`. */
  sourceCatalog: packFile('catalog/source.csv'),
  /** The hand-modelled in-scope part of the source catalog, written by `scripts/build-model.mjs`. */
  sourceCatalogCore: packFile('catalog/source-core.csv'),
  /** The target LOAD-table catalog, tables in load order. */
  targetCatalog: packFile('catalog/target.csv'),
  /** Local -> national crosswalks (`code_type` is the national code set). */
  crosswalks: packFile('crosswalks/crosswalks.csv'),
  /** National code lists per code set (`code_type,code,label,retired`). */
  codeSets: packFile('crosswalks/code-sets.csv'),
  /** The reviewed (gold) mapping contract. */
  contract: packFile('contract/contract.json'),
  /** Pack-specific quality check definitions (optional). */
  qualityChecks: packFile('quality/checks.json'),
  /** The pack's gate thresholds per release profile (optional). */
  gateProfile: (profile: string) => packFile(`quality/gate-profiles/${profile}.json`),
} as const;
