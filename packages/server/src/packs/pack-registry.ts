import type { Pack } from '@ferry/core';
import { FerryError } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';

/** The packs this server ships, by name. */
export function defaultPacks(): ReadonlyMap<string, Pack> {
  return new Map([[nhsPasPack.name, nhsPasPack]]);
}

/** A pack by name, or FERRY_ERR_INPUT naming the known ones. */
export function packNamed(packs: ReadonlyMap<string, Pack>, name: string): Pack {
  const pack = packs.get(name);
  if (!pack)
    throw new FerryError('FERRY_ERR_INPUT', `Unknown pack '${name}'. Known packs: ${[...packs.keys()].join(', ')}`, {
      field: 'pack',
    });
  return pack;
}
