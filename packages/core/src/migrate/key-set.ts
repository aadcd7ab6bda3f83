/** Keys per container: the low 16 bits of a key index into its container, the rest name the container. */
const SPAN = 65536;
/** An array container holds at most this many keys (8 KB, the size of a bitmap container) before it becomes one. */
const ARRAY_MAX = 4096;

/** The low 16 bits of up to {@link ARRAY_MAX} keys, sorted; or, past that, a 65,536-bit bitmap. */
interface Container {
  /** Sorted low bits, while an array container (`bits` undefined). */
  values: Uint16Array | undefined;
  /** One bit per low value, once a bitmap container. */
  bits: Uint32Array | undefined;
  size: number;
}

/** Index of `low` in the first `size` sorted values, or -(insertion point) - 1 when absent. */
function search(values: Uint16Array, size: number, low: number): number {
  // Keys usually arrive in ascending order: check the end first.
  if (size > 0 && values[size - 1]! < low) return -size - 1;
  let lo = 0;
  let hi = size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (v < low) lo = mid + 1;
    else if (v > low) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

/**
 * A compressed set of integers (a roaring bitmap: containers of 65,536 keys, each a sorted array of 16-bit values while
 * it holds 4,096 keys or fewer, a bitmap past that). Dense keys (record numbers, sequences) cost about one bit each,
 * scattered ones about two bytes, so the memory a load's keys take stays a small fraction of the rows': 7 million
 * consecutive keys take under 1 MB, where a hash set takes over 100 MB. Integers must be safe (|n| < 2^53).
 *
 * Written here because no roaring bitmap package is among the npm packages this project may use; it holds only what a
 * load needs (add, has, size).
 */
export class IntegerSet {
  private readonly containers = new Map<number, Container>();
  private count = 0;
  /** The last container used and its high part: consecutive keys mostly share one. */
  private lastHigh = Number.NaN;
  private last: Container | undefined;

  get size(): number {
    return this.count;
  }

  /** Bytes held by the containers' values (an estimate of the set's memory, for tests and benches). */
  get bytes(): number {
    let b = 0;
    for (const c of this.containers.values()) b += c.bits ? c.bits.byteLength : c.values!.byteLength;
    return b;
  }

  private container(high: number): Container | undefined {
    if (high === this.lastHigh) return this.last;
    const c = this.containers.get(high);
    if (c) {
      this.lastHigh = high;
      this.last = c;
    }
    return c;
  }

  has(n: number): boolean {
    const high = Math.floor(n / SPAN);
    const c = this.container(high);
    if (!c) return false;
    const low = n - high * SPAN;
    if (c.bits) return (c.bits[low >>> 5]! & (1 << (low & 31))) !== 0;
    return search(c.values!, c.size, low) >= 0;
  }

  add(n: number): void {
    const high = Math.floor(n / SPAN);
    const low = n - high * SPAN;
    let c = this.container(high);
    if (!c) {
      c = { values: new Uint16Array(4), bits: undefined, size: 0 };
      this.containers.set(high, c);
      this.lastHigh = high;
      this.last = c;
    }
    if (c.bits) {
      const word = low >>> 5;
      const bit = 1 << (low & 31);
      if ((c.bits[word]! & bit) === 0) {
        c.bits[word]! |= bit;
        c.size++;
        this.count++;
      }
      return;
    }
    const at = search(c.values!, c.size, low);
    if (at >= 0) return;
    const pos = -at - 1;
    if (c.size === ARRAY_MAX) {
      const bits = new Uint32Array(SPAN / 32);
      const values = c.values!;
      for (let i = 0; i < c.size; i++) bits[values[i]! >>> 5]! |= 1 << (values[i]! & 31);
      bits[low >>> 5]! |= 1 << (low & 31);
      c.bits = bits;
      c.values = undefined;
    } else {
      let values = c.values!;
      if (c.size === values.length) {
        const grown = new Uint16Array(Math.min(ARRAY_MAX, values.length * 2));
        grown.set(values);
        values = grown;
        c.values = grown;
      }
      values.copyWithin(pos + 1, pos, c.size);
      values[pos] = low;
    }
    c.size++;
    this.count++;
  }
}

/** FNV-1a over a string's UTF-16 code units: a 32-bit fingerprint, as a non-negative integer. */
export function fingerprint32(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A set of target keys, compact for the usual case: integer keys (RECORD_NUMBER) are held as numbers in an
 * {@link IntegerSet}, which take a fraction of the memory and time of strings; other keys as strings.
 *
 * Other keys are held exactly up to `budget` of them. Past it (only when the keys' table can answer for them, see
 * {@link KeySet.unresolved}), the ones the target has committed are sealed: only a 32-bit fingerprint of each is kept,
 * in a compressed bitmap (about 2 bytes a key). A key whose fingerprint is not there is certainly absent; one whose
 * fingerprint is there must be looked up in the target (`unresolved`, then `resolve`) before `has` answers for it,
 * so every answer stays exact. Keys are committed in two steps (`commit`): those added before the previous `commit`
 * are in the target, those added since may still be being written.
 */
export class KeySet {
  private readonly numbers = new IntegerSet();
  /** Other keys added since the last `commit` (maybe not yet in the target). */
  private current = new Set<string>();
  /** Other keys added between the last two `commit`s (maybe still being written). */
  private previous = new Set<string>();
  /** Other keys in the target, held exactly (below the budget). */
  private held = new Set<string>();
  /** Fingerprints of the sealed keys (in the target, no longer held). */
  private readonly sealed = new IntegerSet();
  private sealedCount = 0;
  /** What the target said about sealed fingerprints' keys, for the chunk being checked. */
  private verified = new Map<string, boolean>();

  /** `budget`: other keys held exactly before sealing (default: all of them, never sealed). */
  constructor(private readonly budget = Number.POSITIVE_INFINITY) {}

  /** Whether some keys are sealed: a chunk's keys must then be resolved before it is checked. */
  get spilled(): boolean {
    return this.sealedCount > 0;
  }

  /** The key as a number when its spelling is the canonical one of a safe integer ('7', not '007' or '+7'). */
  private static asNumber(key: string): number | undefined {
    const len = key.length;
    if (len === 0 || len > 15) return undefined;
    let i = key.charCodeAt(0) === 45 ? 1 : 0;
    if (i === len) return undefined;
    // No leading zero, except '0' itself; no '-0'.
    if (key.charCodeAt(i) === 48 && (len > i + 1 || i === 1)) return undefined;
    let n = 0;
    for (; i < len; i++) {
      const c = key.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      n = n * 10 + c;
    }
    return key.charCodeAt(0) === 45 ? -n : n;
  }

  has(key: string): boolean {
    const n = KeySet.asNumber(key);
    if (n !== undefined) return this.numbers.has(n);
    if (this.current.has(key) || this.previous.has(key) || this.held.has(key)) return true;
    if (!this.sealedCount || !this.sealed.has(fingerprint32(key))) return false;
    const known = this.verified.get(key);
    if (known === undefined) throw new Error('KeySet: a sealed key was checked before it was resolved');
    return known;
  }

  add(key: string): void {
    const n = KeySet.asNumber(key);
    if (n !== undefined) this.numbers.add(n);
    else if (!this.previous.has(key) && !this.held.has(key)) this.current.add(key);
  }

  /**
   * The keys among `keys` (a chunk's) that only the target can answer for (their fingerprint is sealed), each once:
   * look them up and pass what was found to `resolve` before checking them with `has`. Forgets earlier answers.
   */
  unresolved(keys: Iterable<string>): string[] {
    if (!this.sealedCount) return [];
    // Answers are per chunk: kept longer, they would grow with the file.
    this.verified = new Map();
    const out = new Set<string>();
    for (const key of keys) {
      if (KeySet.asNumber(key) !== undefined || out.has(key)) continue;
      if (this.current.has(key) || this.previous.has(key) || this.held.has(key)) continue;
      if (this.sealed.has(fingerprint32(key))) out.add(key);
    }
    return [...out];
  }

  /** Records the target's answer for keys `unresolved` named: those in `found` are loaded, the rest are not. */
  resolve(checked: readonly string[], found: Iterable<string>): void {
    for (const k of checked) this.verified.set(k, false);
    for (const k of found) this.verified.set(k, true);
  }

  /**
   * Marks a write as done: the keys added before the previous `commit` are now in the target (those since may still be
   * being written). Past the budget, the committed keys are sealed.
   */
  commit(): void {
    for (const k of this.previous) this.held.add(k);
    this.previous = this.current;
    this.current = new Set();
    this.verified = new Map();
    if (this.held.size > this.budget) {
      for (const k of this.held) this.sealed.add(fingerprint32(k));
      this.sealedCount += this.held.size;
      this.held = new Set();
    }
  }

  /** Marks every key added so far as in the target (its table's writes are all done). */
  commitAll(): void {
    this.commit();
    this.commit();
  }

  get size(): number {
    return this.numbers.size + this.current.size + this.previous.size + this.held.size + this.sealedCount;
  }
}
