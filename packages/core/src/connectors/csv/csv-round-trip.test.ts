import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-reader.js';
import { CsvFileWriter } from './csv-writer.js';

/** A small seeded PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = ['a', 'Z', '0', ' ', ',', '"', '\r', '\n', '\r\n', 'é', '£', '€', '😀', "'", '\t', ';'];

function randomField(rand: () => number): string {
  const len = Math.floor(rand() * rand() * 40);
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-csv-roundtrip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('csv-writer -> csv-reader round trip', () => {
  for (const seed of [1, 42, 20240229]) {
    it(`reads back exactly what was written (seed ${seed})`, async () => {
      const rand = prng(seed);
      const width = 1 + Math.floor(rand() * 8);
      const header = Array.from({ length: width }, (_, i) => `COL_${i}`);
      const rows = Array.from({ length: 20_000 }, () => Array.from({ length: width }, () => randomField(rand)));
      const path = join(dir, `rt-${seed}.csv`);
      const w = await CsvFileWriter.open(path, header, 'exact');
      for (const r of rows) await w.write(r);
      await w.close();

      const back: string[][] = [];
      for await (const r of readCsvRecords(path)) back.push(r.fields);
      expect(back[0]).toEqual(header);
      expect(back.length).toBe(rows.length + 1);
      for (let i = 0; i < rows.length; i++) {
        // A one-column row holding '' is written as a blank line and read back as [''].
        expect(back[i + 1], `row ${i + 1}`).toEqual(rows[i]);
      }
    });
  }
});
