/** A trimmed value shaped as an e-mail address: one `@`, no spaces, a dotted domain. */
export function isEmailShaped(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/**
 * A trimmed value shaped as a telephone number: digits with optional +, spaces, hyphens, dots and brackets, 10 to 13
 * digits, starting 0 or +. Ten-digit values without a leading 0 or + (NHS numbers) are not phone numbers.
 */
export function isPhoneShaped(value: string): boolean {
  if (value.length < 10 || value.length > 20) return false;
  if (!/^[+0(][\d\s().+-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 13;
}

/** Letters (any script), spaces, hyphens, apostrophes and dots only: how names are written. */
export function isAlphabetic(value: string): boolean {
  return /^[\p{L}][\p{L}\s'.-]*$/u.test(value);
}
