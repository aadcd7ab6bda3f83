import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../chunk-builder.js';
import { ChunkRangeReader } from './chunk-range-reader.js';

/** A table of 23 records in batches of 4, counting how often it is opened and how many records it yields. */
function table() {
  const stats = { opens: 0, yielded: 0 };
  const open = async function* (): AsyncGenerator<SourceRecord[]> {
    stats.opens++;
    for (let i = 0; i < 23; i += 4) {
      const batch = [];
      for (let j = i; j < Math.min(i + 4, 23); j++) batch.push({ line: j + 2, fields: [String(j)] });
      stats.yielded += batch.length;
      yield batch;
    }
  };
  return { stats, reader: new ChunkRangeReader(open) };
}

const ids = (records: SourceRecord[]) => records.map((r) => Number(r.fields[0]));

describe('ChunkRangeReader', () => {
  it('reads ascending ranges in one pass, skipping the ranges between', async () => {
    const { stats, reader } = table();
    expect(ids(await reader.read(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(ids(await reader.read(10, 15))).toEqual([10, 11, 12, 13, 14]);
    expect(ids(await reader.read(20, 25))).toEqual([20, 21, 22]);
    expect(stats).toEqual({ opens: 1, yielded: 23 });
  });

  it('reopens the file for a range behind its place, and serves concurrent reads in turn', async () => {
    const { stats, reader } = table();
    const [a, b] = await Promise.all([reader.read(15, 20), reader.read(5, 10)]);
    expect(ids(a)).toEqual([15, 16, 17, 18, 19]);
    expect(ids(b)).toEqual([5, 6, 7, 8, 9]);
    expect(stats.opens).toBe(2);
    expect(ids(await reader.read(30, 35))).toEqual([]);
    await reader.close();
  });
});
