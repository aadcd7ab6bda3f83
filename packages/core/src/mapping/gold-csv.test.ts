import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { readGoldCsv, writeGoldCsv } from './gold-csv.js';
import { goldFromContract } from './mapping-evaluation.js';
import { reviewed } from './mapping-fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-gold-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('gold CSV', () => {
  it('round-trips the gold of a contract', async () => {
    const gold = goldFromContract(reviewed);
    await writeGoldCsv(gold, join(dir, 'gold.csv'));
    expect(await readGoldCsv(join(dir, 'gold.csv'))).toEqual(gold);
  });

  it('accepts columns in any order and skips blank lines', async () => {
    await writeFile(join(dir, 'any.csv'), 'target_table,target_column,source_table,source_column\n\nT,F,S,C\n');
    expect(await readGoldCsv(join(dir, 'any.csv'))).toEqual([
      { sourceTable: 'S', sourceColumn: 'C', targetTable: 'T', targetColumn: 'F' },
    ]);
  });

  it('reports a bad header, ragged rows and blank cells by line', async () => {
    await writeFile(join(dir, 'head.csv'), 'source_table,source_column,target_table\nS,C,T\n');
    const head = await readGoldCsv(join(dir, 'head.csv')).catch((e) => e);
    expect(head).toBeInstanceOf(FerryError);
    expect(head.code).toBe('FERRY_ERR_INPUT');
    expect(head.message).toContain('head.csv:1 field target_column: required column is missing from the header');

    await writeFile(join(dir, 'rows.csv'), 'source_table,source_column,target_table,target_column\nS,C,T\nS,,T,F\n');
    const rows = await readGoldCsv(join(dir, 'rows.csv')).catch((e) => e);
    expect(rows.message).toContain('rows.csv:2: record has 3 fields, header has 4');
    expect(rows.message).toContain('rows.csv:3 field source_column: blank');
  });
});
