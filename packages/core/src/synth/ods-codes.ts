import type { SeededRandom } from './seeded-random.js';

/**
 * Codes shaped like the Organisation Data Service's and the professional registers', for synthetic
 * reference data: GP practices (`A81001`), GPs (`G1234567`) and consultants (`C` + a 7-digit number).
 */

/**
 * A GP practice code: one letter and five digits (`^[A-Z][0-9]{5}$`).
 * `region` is the letter and leading digits practices of one area share, e.g. 'B86' for Leeds.
 *
 * @example
 * gpPracticeCode('B86', 17) // => 'B86017'
 */
export function gpPracticeCode(region: string, serial: number): string {
  if (!/^[A-Z][0-9]{0,4}$/.test(region))
    throw new RangeError(`Practice region '${region}' is not a letter and up to 4 digits`);
  const width = 6 - region.length;
  if (!Number.isInteger(serial) || serial < 0 || serial >= 10 ** width) {
    throw new RangeError(`Practice serial ${serial} does not fit in ${width} digits`);
  }
  return `${region}${String(serial).padStart(width, '0')}`;
}

/** A GP's national code: `G` and 7 digits. */
export function gpCode(rng: SeededRandom): string {
  return `G${rng.int(1_000_000, 9_999_999)}`;
}

/** A consultant's code: `C` and a 7-digit number (the GMC number's shape). */
export function consultantCode(rng: SeededRandom): string {
  return `C${rng.int(1_000_000, 7_999_999)}`;
}

const practiceSuffixes = ['Medical Practice', 'Surgery', 'Health Centre', 'Medical Centre', 'Family Practice'];

/** A practice name from its locality, e.g. `Headingley Medical Practice`. */
export function gpPracticeName(rng: SeededRandom, locality: string): string {
  return `${locality} ${rng.pick(practiceSuffixes)}`;
}
