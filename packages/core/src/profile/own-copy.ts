/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring of 13 or
 * more characters as a view of its parent, so a value kept for the whole run (a distinct value, a top
 * value, a minimum) would otherwise pin the CSV reader's whole decoded chunk.
 *
 * @example
 * const kept = ownCopy(field); // safe to keep after the chunk is gone
 */
export function ownCopy(value: string): string {
  return value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8');
}
