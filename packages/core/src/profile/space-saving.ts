import { ownCopy } from './own-copy.js';

/** One value tracked by a Space-Saving sketch: `count - error <= true count <= count`. */
export interface HeavyHitter {
  value: string;
  count: number;
  error: number;
}

/** A tracked value, linked into the list of its count's bucket (oldest first). */
interface Entry extends HeavyHitter {
  bucket: Bucket;
  prev: Entry | undefined;
  next: Entry | undefined;
}

/** All entries with one count; buckets are linked in ascending count order. */
interface Bucket {
  count: number;
  head: Entry | undefined;
  tail: Entry | undefined;
  prev: Bucket | undefined;
  next: Bucket | undefined;
}

/**
 * Space-Saving heavy-hitters sketch (Metwally et al.): tracks at most `capacity` values in fixed memory.
 * A value not tracked replaces a least-counted one and inherits its count as `error`, so `count - error` is a
 * guaranteed lower bound of the true count. Entries sit in a "stream summary": linked buckets by count, each a
 * linked list oldest first, so every operation is O(1) and the oldest least-counted value is replaced first
 * (deterministic for a given order of values).
 *
 * @example
 * const s = SpaceSaving.fromCounts(exactCounts, 1000);
 * s.add('SMITH');
 * s.items(); // [{ value, count, error }, ...]
 */
export class SpaceSaving {
  private readonly entries = new Map<string, Entry>();
  /** The bucket of the smallest count. */
  private min: Bucket | undefined;

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer`);
  }

  /**
   * Starts from exact counts: the `capacity` most frequent values are kept exactly (error 0); every value
   * dropped was seen no more often than the least of those kept, which is the invariant the sketch needs.
   * Ties at the cut are taken in the map's order.
   */
  static fromCounts(counts: ReadonlyMap<string, number>, capacity: number): SpaceSaving {
    const sketch = new SpaceSaving(capacity);
    const histogram = new Map<number, number>();
    for (const c of counts.values()) histogram.set(c, (histogram.get(c) ?? 0) + 1);
    const descending = [...histogram.keys()].sort((a, b) => b - a);
    let cut = 0;
    let above = 0;
    for (const c of descending) {
      cut = c;
      if (above + histogram.get(c)! >= capacity) break;
      above += histogram.get(c)!;
    }
    let atCut = capacity - above;
    const kept: Array<[string, number]> = [];
    for (const [value, count] of counts) {
      if (count > cut || (count === cut && atCut-- > 0)) kept.push([value, count]);
    }
    // Insert in ascending count order so every insertion lands at the top of the bucket list.
    kept.sort((a, b) => a[1] - b[1]);
    for (const [value, count] of kept) sketch.insertAtTop(value, count);
    return sketch;
  }

  add(value: string): void {
    const entry = this.entries.get(value);
    if (entry) {
      this.increment(entry);
      return;
    }
    if (this.entries.size < this.capacity) {
      this.insertNew(ownCopy(value));
      return;
    }
    const victim = this.min!.head!;
    this.entries.delete(victim.value);
    victim.value = ownCopy(value);
    victim.error = victim.count;
    this.entries.set(victim.value, victim);
    this.increment(victim);
  }

  /** The tracked values (in no particular order). */
  items(): readonly HeavyHitter[] {
    return [...this.entries.values()].map(({ value, count, error }) => ({ value, count, error }));
  }

  private insertNew(value: string): void {
    let bucket = this.min;
    if (bucket?.count !== 1) {
      bucket = { count: 1, head: undefined, tail: undefined, prev: undefined, next: bucket };
      if (this.min) this.min.prev = bucket;
      this.min = bucket;
    }
    this.attach(value, 0, bucket);
  }

  /** Appends a value whose count is at least every count tracked so far. */
  private insertAtTop(value: string, count: number): void {
    let top = this.min;
    while (top?.next) top = top.next;
    let bucket = top;
    if (!bucket || bucket.count !== count) {
      bucket = { count, head: undefined, tail: undefined, prev: top, next: undefined };
      if (top) top.next = bucket;
      else this.min = bucket;
    }
    this.attach(value, 0, bucket);
  }

  private attach(value: string, error: number, bucket: Bucket): void {
    const entry: Entry = { value, count: bucket.count, error, bucket, prev: undefined, next: undefined };
    this.append(entry, bucket);
    this.entries.set(value, entry);
  }

  private increment(entry: Entry): void {
    const from = entry.bucket;
    const count = from.count + 1;
    let to = from.next;
    if (!to || to.count !== count) {
      to = { count, head: undefined, tail: undefined, prev: from, next: from.next };
      if (from.next) from.next.prev = to;
      from.next = to;
    }
    this.unlink(entry);
    entry.count = count;
    this.append(entry, to);
  }

  private append(entry: Entry, bucket: Bucket): void {
    entry.bucket = bucket;
    entry.prev = bucket.tail;
    entry.next = undefined;
    if (bucket.tail) bucket.tail.next = entry;
    else bucket.head = entry;
    bucket.tail = entry;
  }

  /** Takes an entry out of its bucket, dropping the bucket when it empties. */
  private unlink(entry: Entry): void {
    const b = entry.bucket;
    if (entry.prev) entry.prev.next = entry.next;
    else b.head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    else b.tail = entry.prev;
    if (b.head) return;
    if (b.prev) b.prev.next = b.next;
    else this.min = b.next;
    if (b.next) b.next.prev = b.prev;
  }
}
