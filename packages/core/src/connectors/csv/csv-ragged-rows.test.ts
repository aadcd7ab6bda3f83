import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRaggedRows, RaggedRowTracker, raggedRowError } from './csv-ragged-rows.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-csv-ragged-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ragged rows', () => {
  it('finds ragged rows of a file with their line numbers', async () => {
    const p = join(dir, 'r.csv');
    await writeFile(p, 'a,b,c\n1,2,3\n4,5\n"6\n6",7,8\n9,10,11,12\n\n13,14,15');
    expect(await findRaggedRows(p)).toEqual({
      header: ['a', 'b', 'c'],
      records: 6,
      raggedCount: 3,
      ragged: [
        { line: 3, fields: 2, expected: 3 },
        { line: 6, fields: 4, expected: 3 },
        { line: 7, fields: 1, expected: 3 },
      ],
    });
  });

  it('keeps the first N and counts the rest', () => {
    const t = new RaggedRowTracker('T.csv', 2, 2);
    expect(t.check({ line: 2, fields: ['1', '2'] })).toBe(false);
    expect(t.check({ line: 3, fields: ['1'] })).toBe(true);
    expect(t.check({ line: 4, fields: ['1', '2', '3'] })).toBe(true);
    expect(t.check({ line: 5, fields: ['1'] })).toBe(true);
    expect(t.count).toBe(3);
    expect(t.messages()).toEqual([
      'T.csv:3: record has 1 field, header has 2',
      'T.csv:4: record has 3 fields, header has 2',
      'T.csv: 1 more ragged records',
    ]);
  });

  it('builds a FERRY_ERR_CSV_RAGGED_ROW error without values', () => {
    const e = raggedRowError('P.csv', { line: 12, fields: ['SECRET', 'NAME'] }, 3);
    expect(e.code).toBe('FERRY_ERR_CSV_RAGGED_ROW');
    expect(e.context).toEqual({ file: 'P.csv', line: 12 });
    expect(e.message).not.toContain('SECRET');
  });
});
