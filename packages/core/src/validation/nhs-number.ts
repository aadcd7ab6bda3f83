const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * The Modulus 11 check digit for a 9-digit NHS number stem, or `undefined` when no valid
 * number exists for that stem (remainder 1).
 *
 * @example
 * nhsCheckDigit('943476591') // => 9
 */
export function nhsCheckDigit(stem: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (stem.charCodeAt(i) - 48) * weights[i]!;
  const c = 11 - (sum % 11);
  if (c === 11) return 0;
  if (c === 10) return undefined;
  return c;
}

/** Strips the spaces and hyphens people type into NHS numbers: '943 476 5919' -> '9434765919'. */
export function normaliseNhsNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** True when all ten digits are the same: these pass Modulus 11 but are placeholders. */
export function isRepdigit(nhs: string): boolean {
  return /^(\d)\1{9}$/.test(nhs);
}

/**
 * True when a normalised NHS number has 10 digits and a correct Modulus 11 check digit.
 * Repdigits pass this test; check them with `isRepdigit`.
 */
export function isValidNhsNumber(nhs: string): boolean {
  if (!/^\d{10}$/.test(nhs)) return false;
  return nhsCheckDigit(nhs.slice(0, 9)) === nhs.charCodeAt(9) - 48;
}
