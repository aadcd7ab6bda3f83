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

/**
 * A set of target keys, compact for the usual case: integer keys (RECORD_NUMBER) are held as numbers in an
 * {@link IntegerSet}, which take a fraction of the memory and time of strings; other keys as strings.
 */
export class KeySet {
  private readonly numbers = new IntegerSet();
  private readonly strings = new Set<string>();

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
