const strictPostcode =
  /^(GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;
const pseudoPostcode = /^ZZ99 ?[0-9][A-Z]{2}$/;

/**
 * Upper-cases, removes spaces and puts one space before the last three characters.
 *
 * @example
 * normalisePostcode('sw1a1aa') // => 'SW1A 1AA'
 */
export function normalisePostcode(raw: string): string {
  const compact = raw.toUpperCase().replace(/\s+/g, '');
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** True for a valid UK postcode or an NHS ZZ99 pseudo-postcode (in any spacing). */
export function isValidPostcode(postcode: string): boolean {
  const p = normalisePostcode(postcode);
  return strictPostcode.test(p) || pseudoPostcode.test(p);
}
