const truthy = new Set(['true', 'yes', 'y', '1']);
const falsy = new Set(['false', 'no', 'n', '0']);

/**
 * Reads a yes/no flag written true/false, yes/no, y/n or 1/0 (any case, spaces trimmed).
 * Returns `undefined` for anything else, so the caller can report it.
 *
 * @example
 * parseBooleanFlag(' Y ') // => true
 * parseBooleanFlag('maybe') // => undefined
 */
export function parseBooleanFlag(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (truthy.has(v)) return true;
  if (falsy.has(v)) return false;
  return undefined;
}
