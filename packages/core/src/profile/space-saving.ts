/** One value tracked by a Space-Saving sketch: `count - error <= true count <= count`. */
export interface HeavyHitter {
  value: string;
  count: number;
  error: number;
}

/**
 * Space-Saving heavy-hitters sketch (Metwally et al.): tracks at most `capacity` values in fixed memory.
 * A value not tracked replaces the least-counted one and inherits its count as `error`, so
 * `count - error` is a guaranteed lower bound of the true count. A binary min-heap keeps replacement O(log k).
 *
 * @example
 * const s = SpaceSaving.fromCounts(exactCounts, 1000);
 * s.add('SMITH');
 * s.items(); // [{ value, count, error }, ...]
 */
export class SpaceSaving {
  private readonly heap: HeavyHitter[] = [];
  private readonly position = new Map<string, number>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer`);
  }

  /**
   * Starts from exact counts: the `capacity` most frequent values are kept exactly (error 0); every value
   * dropped was seen no more often than the least of those kept, which is the invariant the sketch needs.
   */
  static fromCounts(counts: Map<string, number>, capacity: number): SpaceSaving {
    const sketch = new SpaceSaving(capacity);
    const kept = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [value, count] of kept.slice(0, capacity)) sketch.push({ value, count, error: 0 });
    return sketch;
  }

  add(value: string): void {
    const at = this.position.get(value);
    if (at !== undefined) {
      this.heap[at]!.count++;
      this.siftDown(at);
      return;
    }
    if (this.heap.length < this.capacity) {
      this.push({ value, count: 1, error: 0 });
      return;
    }
    const min = this.heap[0]!;
    this.position.delete(min.value);
    this.heap[0] = { value, count: min.count + 1, error: min.count };
    this.position.set(value, 0);
    this.siftDown(0);
  }

  /** The tracked values (in no particular order). */
  items(): readonly HeavyHitter[] {
    return this.heap;
  }

  private push(item: HeavyHitter): void {
    this.heap.push(item);
    this.position.set(item.value, this.heap.length - 1);
    this.siftUp(this.heap.length - 1);
  }

  private siftUp(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heap[parent]!.count <= this.heap[i]!.count) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(start: number): void {
    const n = this.heap.length;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < n && this.heap[l]!.count < this.heap[smallest]!.count) smallest = l;
      if (r < n && this.heap[r]!.count < this.heap[smallest]!.count) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    this.heap[a] = y;
    this.heap[b] = x;
    this.position.set(y.value, a);
    this.position.set(x.value, b);
  }
}
