import { nhsCheckDigit } from '../validation/nhs-number.js';

/** How many distinct numbers `syntheticNhsNumber` guarantees (it may give more). */
export const syntheticNhsNumberCapacity = 800_000;

const blockMultiplier = 7919; // prime, coprime with 100,000: i -> (i * 7919 + offset) mod 100,000 is a bijection

/**
 * The `index`-th synthetic NHS number of a series: in the 999 test range (never issued to a person),
 * valid by Modulus 11, never a repdigit, and distinct for distinct indexes below
 * `syntheticNhsNumberCapacity`. `offset` (e.g. from the seed) changes the series.
 *
 * The six free digits are a five-digit block (a permutation of the index) and a last digit; for each block
 * at least nine of the ten last digits give a valid number, and the index's hundred-thousands picks among them.
 *
 * @example
 * syntheticNhsNumber(0, 0) // => '9990000018'
 */
export function syntheticNhsNumber(index: number, offset = 0): string {
  if (!Number.isInteger(index) || index < 0 || index >= syntheticNhsNumberCapacity) {
    throw new RangeError(`Synthetic NHS number index ${index} is outside 0..${syntheticNhsNumberCapacity - 1}`);
  }
  const block = ((((index % 100_000) * blockMultiplier + (offset >>> 0)) % 100_000) + 100_000) % 100_000;
  let wanted = Math.floor(index / 100_000);
  const blockText = String(block).padStart(5, '0');
  for (let last = 0; last <= 9; last++) {
    const stem = `999${blockText}${last}`;
    const check = nhsCheckDigit(stem);
    if (check === undefined) continue;
    const nhs = `${stem}${check}`;
    if (nhs === '9999999999') continue;
    if (wanted === 0) return nhs;
    wanted--;
  }
  throw new RangeError(`Synthetic NHS number block ${blockText} has no number left for index ${index}`);
}

/**
 * The same number with a wrong check digit (for defect injection): the next digit up, wrapping 9 -> 0.
 *
 * @example
 * withWrongCheckDigit('9990000018') // => '9990000019'
 */
export function withWrongCheckDigit(nhs: string): string {
  const last = nhs.charCodeAt(9) - 48;
  return `${nhs.slice(0, 9)}${(last + 1) % 10}`;
}

/** The `3 3 4` spaced form people write: '9990000018' -> '999 000 0018'. */
export function spacedNhsNumber(nhs: string): string {
  return `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
}
