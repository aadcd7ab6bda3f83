/**
 * A set of target keys, compact for the usual case: integer keys (RECORD_NUMBER) are held as numbers, which take a
 * fraction of the memory of strings; other keys as strings.
 */
export class KeySet {
  private readonly numbers = new Set<number>();
  private readonly strings = new Set<string>();

  private static asNumber(key: string): number | undefined {
    if (key.length === 0 || key.length > 15) return undefined;
    const n = Number(key);
    return Number.isSafeInteger(n) && String(n) === key ? n : undefined;
  }

  has(key: string): boolean {
    const n = KeySet.asNumber(key);
    return n === undefined ? this.strings.has(key) : this.numbers.has(n);
  }

  add(key: string): void {
    const n = KeySet.asNumber(key);
    if (n === undefined) this.strings.add(key);
    else this.numbers.add(n);
  }

  get size(): number {
    return this.numbers.size + this.strings.size;
  }
}
