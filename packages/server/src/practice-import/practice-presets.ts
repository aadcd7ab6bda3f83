import {
  FerryError,
  loadPracticePreset,
  type Pack,
  type PracticePreset,
  presetSeparator,
  presetTableByType,
} from '@ferry/core';
import { z } from 'zod';

const loaded = new Map<string, Promise<PracticePreset>>();

/** A pack preset ready for imports, loaded once per process (presets are code: they do not change while it runs). */
export function practicePreset(packs: ReadonlyMap<string, Pack>, name: string): Promise<PracticePreset> {
  const pack = packs.get(name);
  if (!pack) throw new FerryError('FERRY_ERR_INPUT', `Unknown migration preset '${name}'`, { pack: name });
  let p = loaded.get(name);
  if (!p) {
    p = loadPracticePreset(pack);
    p.catch(() => loaded.delete(name));
    loaded.set(name, p);
  }
  return p;
}

/** The registry's source-system presets (`<pack>:<system>`): what a practice import can read. */
export function sourceSystemPresets(packs: ReadonlyMap<string, Pack>): string[] {
  return [...packs.keys()].filter((n) => n.includes(presetSeparator)).sort();
}

/**
 * The preset and record type a person named: a registry preset (`optical:optix`), a record-type preset
 * (`optix-patients`), or a source system (`optix`) with an optional record type. FERRY_ERR_INPUT when none or several
 * presets fit, naming the ones there are.
 *
 * @example
 * await resolvePreset(packs, { preset: 'optix-patients' }) // => { preset: 'optical:optix', recordType: 'patients' }
 */
export async function resolvePreset(
  packs: ReadonlyMap<string, Pack>,
  named: { preset?: string; sourceSystem?: string; recordType?: string },
): Promise<{ preset: PracticePreset; recordType?: string }> {
  const names = sourceSystemPresets(packs);
  const system = (n: string) => n.slice(n.indexOf(presetSeparator) + 1);
  let name: string | undefined;
  let recordType = named.recordType;
  if (named.preset && packs.has(named.preset)) name = named.preset;
  else if (named.preset) {
    const fits = names.filter((n) => named.preset!.startsWith(`${system(n)}-`));
    if (fits.length === 1) {
      name = fits[0]!;
      const fromPreset = named.preset.slice(system(name).length + 1);
      if (recordType && recordType !== fromPreset) {
        throw new FerryError(
          'FERRY_ERR_INPUT',
          `Preset '${named.preset}' is for ${fromPreset}, not ${recordType}: name one record type`,
        );
      }
      recordType = fromPreset;
    }
  } else if (named.sourceSystem) {
    const fits = names.filter((n) => system(n) === named.sourceSystem || n === named.sourceSystem);
    if (fits.length === 1) name = fits[0]!;
  }
  if (!name) {
    throw new FerryError(
      'FERRY_ERR_INPUT',
      `No migration preset fits '${named.preset ?? named.sourceSystem ?? ''}'. Presets: ${names.join(', ')}`,
    );
  }
  if (named.sourceSystem && system(name) !== named.sourceSystem && name !== named.sourceSystem) {
    throw new FerryError(
      'FERRY_ERR_INPUT',
      `Preset '${named.preset}' reads ${system(name)} exports, not ${named.sourceSystem}`,
    );
  }
  const preset = await practicePreset(packs, name);
  if (recordType) recordType = presetTableByType(preset, recordType).recordType;
  return recordType ? { preset, recordType } : { preset };
}

/** One record-type preset: the export file it reads, the platform table it fills, its field map. */
export const migrationPresetSchema = z.object({
  name: z.string(),
  preset: z.string(),
  sourceSystem: z.string(),
  recordType: z.string(),
  sourceTable: z.string(),
  targetTable: z.string(),
  /** Parent record types this one links to (import them first). */
  parents: z.array(z.string()),
  fields: z.array(z.object({ target: z.string(), source: z.array(z.string()), transform: z.array(z.string()) })),
});
export type MigrationPreset = z.infer<typeof migrationPresetSchema>;

/** Every record-type preset of every source-system preset, in each one's load order. */
export async function listMigrationPresets(packs: ReadonlyMap<string, Pack>): Promise<MigrationPreset[]> {
  const out: MigrationPreset[] = [];
  for (const name of sourceSystemPresets(packs)) {
    const preset = await practicePreset(packs, name);
    for (const t of preset.tables) {
      out.push({
        name: `${preset.sourceSystem}-${t.recordType}`,
        preset: preset.name,
        sourceSystem: preset.sourceSystem,
        recordType: t.recordType,
        sourceTable: t.sourceTable,
        targetTable: t.targetTable,
        parents: t.contractTable.parents.map(
          (p) => preset.tables.find((x) => x.targetTable === p.table)?.recordType ?? p.table,
        ),
        fields: t.contractTable.fields.map((f) => ({ target: f.target, source: f.source, transform: f.transform })),
      });
    }
  }
  return out;
}
