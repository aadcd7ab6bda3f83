import type { Pack } from '@ferry/core';
import { PackRegistry, unknownPackError } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { opticalPack } from '@ferry/pack-optical';

/**
 * The packs Ferry ships: the one list the CLI, the server and (through `GET /api/version`) the web read. Adding a
 * pack is one entry here (see docs/writing-a-pack.md).
 */
export const shippedPacks = new PackRegistry([nhsPasPack, opticalPack]);

/** The packs this server ships, by name (presets included as `<pack>:<preset>`). */
export function defaultPacks(): ReadonlyMap<string, Pack> {
  return shippedPacks.asMap();
}

/** A pack by name, or the unknown-pack error (FERRY_ERR_INPUT) naming the known ones. */
export function packNamed(packs: ReadonlyMap<string, Pack>, name: string): Pack {
  const pack = packs.get(name);
  if (!pack) throw unknownPackError(name, [...packs.keys()]);
  return pack;
}
