import { FerryError } from '../errors.js';
import { registerCheckKinds } from '../quality/checks/index.js';
import { registerTransformSteps } from '../transform/transform-steps.js';
import type { Pack, PackPreset } from './pack.js';

/** The separator of a preset's registry name: `optical:acuity`. */
export const presetSeparator = ':';

/**
 * Makes a pack's own transform steps and check kinds usable. Idempotent; the registry and the lifecycle call it, so
 * a pack is ready wherever it is used.
 */
export function registerPackExtensions(pack: Pack): void {
  if (pack.transformSteps) registerTransformSteps(pack.transformSteps, pack.name);
  if (pack.checkKinds) registerCheckKinds(pack.checkKinds, pack.name);
}

/** The pack a preset stands for: the base pack with the preset's source side. */
export function packWithPreset(pack: Pack, preset: PackPreset): Pack {
  return {
    ...pack,
    name: `${pack.name}${presetSeparator}${preset.name}`,
    description: `${pack.description} (${preset.description})`,
    sourceCatalog: preset.sourceCatalog,
    contract: preset.contract,
    crosswalks: preset.crosswalks,
    generate: preset.generate,
    presets: [],
  };
}

/** The error for a pack name nobody registered: one message everywhere (CLI, server, web through the API). */
export function unknownPackError(name: string, known: readonly string[]): FerryError {
  return new FerryError('FERRY_ERR_INPUT', `Unknown pack '${name}'. Known packs: ${known.join(', ')}`, {
    pack: name,
  });
}

/**
 * The packs a Ferry installation ships, by name. Adding a pack is one entry in the list given to the registry
 * (see docs/writing-a-pack.md). A pack's presets are found as `<pack>:<preset>`.
 *
 * @example
 * const packs = new PackRegistry([nhsPasPack, opticalPack]);
 * packs.get('optical:acuity').contract();
 */
export class PackRegistry {
  private readonly packs = new Map<string, Pack>();

  constructor(packs: readonly Pack[]) {
    for (const pack of packs) {
      if (!/^[a-z][a-z0-9-]*$/.test(pack.name))
        throw new FerryError('FERRY_ERR_INPUT', `Pack name '${pack.name}' is not lower-case letters, digits and -`);
      if (this.packs.has(pack.name)) throw new FerryError('FERRY_ERR_INPUT', `Pack '${pack.name}' is registered twice`);
      registerPackExtensions(pack);
      this.packs.set(pack.name, pack);
    }
  }

  /** The registered packs (not their presets), in registration order. */
  list(): Pack[] {
    return [...this.packs.values()];
  }

  /** Every name `get` accepts: each pack, then each of its presets as `<pack>:<preset>`. */
  names(): string[] {
    return this.list().flatMap((p) => [
      p.name,
      ...(p.presets ?? []).map((s) => `${p.name}${presetSeparator}${s.name}`),
    ]);
  }

  has(name: string): boolean {
    return this.names().includes(name);
  }

  /** A pack or preset by name, or the unknown-pack error naming the known ones. */
  get(name: string): Pack {
    const [base, presetName, ...rest] = name.split(presetSeparator);
    const pack = base === undefined ? undefined : this.packs.get(base);
    if (pack && presetName === undefined) return pack;
    const preset = rest.length === 0 ? pack?.presets?.find((p) => p.name === presetName) : undefined;
    if (!pack || !preset) throw unknownPackError(name, this.names());
    return packWithPreset(pack, preset);
  }

  /** The registry as a name -> pack map (packs and presets), for code that takes a map. */
  asMap(): ReadonlyMap<string, Pack> {
    return new Map(this.names().map((n) => [n, this.get(n)]));
  }
}
