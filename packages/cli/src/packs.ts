import type { Pack } from '@ferry/core';
import { shippedPacks } from '@ferry/server';

/** A shipped pack or preset by name (`nhs-pas`, `optical`, `optical:acuity`), or the unknown-pack error. */
export function loadPack(name: string): Pack {
  return shippedPacks.get(name);
}
