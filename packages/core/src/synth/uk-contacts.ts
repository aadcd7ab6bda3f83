import type { SeededRandom } from './seeded-random.js';

/**
 * Phone numbers in Ofcom's ranges reserved for drama and fiction (never allocated to a subscriber),
 * written in the usual national form, and e-mail addresses on the reserved example domains (RFC 2606).
 */

/** Geographic drama ranges: area code and the fixed part before the last 3-4 digits. */
const landlineRanges: ReadonlyArray<{ area: string; prefix: string; digits: number }> = [
  { area: '0113', prefix: '496 0', digits: 3 }, // Leeds
  { area: '0114', prefix: '496 0', digits: 3 }, // Sheffield
  { area: '0161', prefix: '496 0', digits: 3 }, // Manchester
  { area: '020', prefix: '7946 0', digits: 3 }, // London
  { area: '01632', prefix: '960', digits: 3 }, // fictional area
];

/**
 * A landline in a drama range, e.g. `0113 496 0123`. Leeds numbers are the most common.
 *
 * @example
 * /^0\d{2,4} \d{3,4} \d{3,4}$/.test(ukLandline(rng)) // => true
 */
export function ukLandline(rng: SeededRandom): string {
  const range = rng.chance(0.7) ? landlineRanges[0]! : rng.pick(landlineRanges);
  const tail = String(rng.int(0, 10 ** range.digits - 1)).padStart(range.digits, '0');
  return `${range.area} ${range.prefix}${tail}`;
}

/** A mobile in the drama range 07700 900000-900999, e.g. `07700 900461`. */
export function ukMobile(rng: SeededRandom): string {
  return `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
}

const emailDomains = ['example.com', 'example.org', 'example.net', 'example.co.uk'];

/**
 * An e-mail address on a reserved example domain, from a person's names.
 *
 * @example
 * exampleEmail(rng, 'Mary', "O'Brien") // e.g. 'mary.obrien42@example.com'
 */
export function exampleEmail(rng: SeededRandom, forename: string, surname: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const style = rng.int(0, 2);
  const local =
    style === 0
      ? `${clean(forename)}.${clean(surname)}`
      : style === 1
        ? `${clean(forename).slice(0, 1)}${clean(surname)}${rng.int(1, 99)}`
        : `${clean(forename)}${clean(surname)}${rng.int(50, 2010)}`;
  return `${local}@${rng.pick(emailDomains)}`;
}
