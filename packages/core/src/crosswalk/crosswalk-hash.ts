import { canonicalJson, sha256Hex } from '../contract/canonical-json.js';
import type { CrosswalkSet } from './crosswalk-model.js';

/**
 * The content hash of a crosswalk set: sha256 of its canonical JSON. Entry order counts (it is the file order);
 * `parseCrosswalkCsv(formatCrosswalkCsv(s))` has the hash of `s`.
 *
 * @example
 * crosswalkHash(await readCrosswalkCsv('crosswalks.csv')) // => '3f1c...' (64 hex characters)
 */
export function crosswalkHash(set: CrosswalkSet): string {
  return sha256Hex(canonicalJson(set));
}
