import { describe, expect, it } from 'vitest';
import { flattenCsvBatches } from './csv-batch-flattener.js';
import type { CsvRecord } from './csv-record.js';

const rec = (line: number): CsvRecord => ({ line, fields: [String(line)] });

describe('flattenCsvBatches', () => {
  it('hands out every record in order, skipping empty batches', async () => {
    async function* batches() {
      yield [rec(1), rec(2)];
      yield [];
      yield [rec(3)];
    }
    const lines: number[] = [];
    for await (const r of flattenCsvBatches(batches())) lines.push(r.line);
    expect(lines).toEqual([1, 2, 3]);
  });

  it('closes the batch generator when the loop ends early', async () => {
    let closed = false;
    async function* batches() {
      try {
        yield [rec(1), rec(2)];
        yield [rec(3)];
      } finally {
        closed = true;
      }
    }
    for await (const r of flattenCsvBatches(batches())) if (r.line === 1) break;
    expect(closed).toBe(true);
  });

  it('passes on an error after the records before it', async () => {
    async function* batches(): AsyncGenerator<CsvRecord[]> {
      yield [rec(1)];
      throw new Error('bad line 2');
    }
    const lines: number[] = [];
    await expect(async () => {
      for await (const r of flattenCsvBatches(batches())) lines.push(r.line);
    }).rejects.toThrow('bad line 2');
    expect(lines).toEqual([1]);
  });
});
