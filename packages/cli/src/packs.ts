import { FerryError, type Pack } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';

const packs: Record<string, Pack> = { [nhsPasPack.name]: nhsPasPack };

/** The packs this CLI ships, by name. */
export function loadPack(name: string): Pack {
  const pack = packs[name];
  if (!pack) {
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      `Unknown pack '${name}'. Known packs: ${Object.keys(packs).join(', ')}`,
    );
  }
  return pack;
}
