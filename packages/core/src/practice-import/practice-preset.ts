import type { Catalog, CatalogTable } from '../catalog/catalog-model.js';
import type { ContractTable } from '../contract/contract-model.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import type { Pack } from '../pack/pack.js';
import { presetSeparator, registerPackExtensions } from '../pack/pack-registry.js';
import { namesTargetTable, recordTypeOf } from './record-types.js';

/** One record type of a preset: the export file it is read from, the platform table it lands in, the field map. */
export interface PracticePresetTable {
  /** `patients`, `examinations`, `lab-orders`: what a person names on the command line. */
  recordType: string;
  sourceTable: string;
  targetTable: string;
  contractTable: ContractTable;
  target: CatalogTable;
  /** The source table's columns as the preset's source catalog lists them (the header of a JSON batch). */
  sourceColumns: string[];
}

/** A pack (or pack preset) ready for practice imports: its tables and its approved crosswalks. */
export interface PracticePreset {
  /** Registry name, e.g. `optical:optix`. */
  name: string;
  /** The outgoing system: the preset part of the name (`optix`), or the pack's name. */
  sourceSystem: string;
  tables: PracticePresetTable[];
  crosswalks: CrosswalkIndex;
}

function catalogTable(catalog: Catalog, name: string): CatalogTable | undefined {
  return catalog.tables.find((t) => t.name === name);
}

/**
 * Loads what a practice import of a pack needs: the contract's tables in load order with their source and target
 * catalog tables, and the crosswalk index. The pack's own transform steps are registered first.
 *
 * @example
 * const preset = await loadPracticePreset(packs.get('optical:optix'));
 * preset.tables.map((t) => t.recordType); // ['patients', 'examinations', ...]
 */
export async function loadPracticePreset(pack: Pack): Promise<PracticePreset> {
  registerPackExtensions(pack);
  const [sourceCatalog, targetCatalog, contract, crosswalks] = await Promise.all([
    pack.sourceCatalog(),
    pack.targetCatalog(),
    pack.contract(),
    pack.crosswalks(),
  ]);
  const tables: PracticePresetTable[] = [];
  for (const t of contract.tables) {
    const target = catalogTable(targetCatalog, t.target);
    if (!target) {
      throw new FerryError('FERRY_ERR_CONTRACT_INVALID', `Target table ${t.target} is not in the target catalog`, {
        table: t.target,
      });
    }
    const source = catalogTable(sourceCatalog, t.source);
    tables.push({
      recordType: recordTypeOf(t.target),
      sourceTable: t.source,
      targetTable: t.target,
      contractTable: t,
      target,
      sourceColumns: source ? source.columns.map((c) => c.name) : [...new Set(t.fields.flatMap((f) => f.source))],
    });
  }
  const at = pack.name.indexOf(presetSeparator);
  return {
    name: pack.name,
    sourceSystem: at < 0 ? pack.name : pack.name.slice(at + 1),
    tables,
    crosswalks: new CrosswalkIndex(crosswalks),
  };
}

/** The preset table a record type names; FERRY_ERR_USAGE naming the known ones otherwise. */
export function presetTableByType(preset: PracticePreset, recordType: string): PracticePresetTable {
  const table = preset.tables.find((t) => namesTargetTable(recordType, t.targetTable));
  if (!table) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `Unknown record type '${recordType}' for ${preset.name}. Record types: ${preset.tables.map((t) => t.recordType).join(', ')}`,
      { pack: preset.name },
    );
  }
  return table;
}

const stripName = (s: string) =>
  s
    .replace(/\.(csv|xlsx)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The preset table an uploaded file (or sheet) holds: by its name (the export's file name or the record type), else
 * by its header (the table whose export columns cover the most of it, at least half). FERRY_ERR_INPUT when neither.
 *
 * @example
 * presetTableForFile(preset, 'Patients.csv', header) // the patients table of the preset
 */
export function presetTableForFile(
  preset: PracticePreset,
  fileName: string,
  header: readonly string[],
): PracticePresetTable {
  const name = stripName(fileName.split(/[\\/]/).pop() ?? fileName);
  const byName = preset.tables.find(
    (t) => stripName(t.sourceTable) === name || stripName(t.recordType) === name || stripName(t.targetTable) === name,
  );
  if (byName) return byName;
  const cols = header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter(Boolean);
  let best: { table: PracticePresetTable; share: number } | undefined;
  for (const t of preset.tables) {
    const known = new Set(t.sourceColumns);
    const share = cols.length ? cols.filter((c) => known.has(c)).length / cols.length : 0;
    if (!best || share > best.share) best = { table: t, share };
  }
  if (best && best.share >= 0.5) return best.table;
  throw new FerryError(
    'FERRY_ERR_INPUT',
    `Cannot tell which ${preset.name} record type the file holds from its name or header: name the record type`,
    { file: fileName },
  );
}
