import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { MappingContract } from './contract-model.js';

/**
 * The content hash of a contract: sha256 of its canonical JSON. Two contracts with the same hash are the same
 * contract, whatever their key order or file formatting.
 */
export function contractHash(contract: MappingContract): string {
  return sha256Hex(canonicalJson(contract));
}
