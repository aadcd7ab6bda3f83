import type { SourceRecord } from '../chunk-builder.js';

/**
 * Reads chunks (ranges of data records) of one source table for a worker, keeping its place in the file: a worker is
 * handed a table's chunks in ascending order, so each read continues from where the last one stopped instead of
 * parsing the file again from its start (which would cost the square of the table's size over a job). A range before
 * the current place reopens the file. Reads are serialised (a worker may run several chunks at once).
 *
 * @example
 * const reader = new ChunkRangeReader(() => source.rowBatches('PATIENT'));
 * const records = await reader.read(5000, 10000); // data records 5000..9999
 */
export class ChunkRangeReader {
  private iterator: AsyncIterator<readonly SourceRecord[]> | undefined;
  /** Index (among data records) of the first record in `buffered`, or of the next one the file yields. */
  private next = 0;
  private buffered: readonly SourceRecord[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly open: () => AsyncIterable<readonly SourceRecord[]>) {}

  /** Data records `from` .. `to - 1` (fewer when the file ends first). */
  read(from: number, to: number): Promise<SourceRecord[]> {
    const result = this.queue.then(() => this.readInOrder(from, to));
    this.queue = result.catch(() => {});
    return result;
  }

  /** Closes the file if it is open. */
  async close(): Promise<void> {
    await this.queue;
    await this.reset();
  }

  private async reset(): Promise<void> {
    const it = this.iterator;
    this.iterator = undefined;
    this.next = 0;
    this.buffered = [];
    await it?.return?.();
  }

  private async readInOrder(from: number, to: number): Promise<SourceRecord[]> {
    if (from < this.next) await this.reset();
    this.iterator ??= this.open()[Symbol.asyncIterator]();
    const out: SourceRecord[] = [];
    try {
      while (this.next < to) {
        if (this.buffered.length === 0) {
          const r = await this.iterator.next();
          if (r.done) {
            await this.reset();
            break;
          }
          this.buffered = r.value;
          continue;
        }
        const skip = Math.min(this.buffered.length, Math.max(0, from - this.next));
        const take = Math.min(this.buffered.length - skip, to - this.next - skip);
        for (let i = skip; i < skip + take; i++) out.push(this.buffered[i]!);
        this.buffered = this.buffered.slice(skip + take);
        this.next += skip + take;
      }
    } catch (e) {
      await this.reset().catch(() => {});
      throw e;
    }
    return out;
  }
}
