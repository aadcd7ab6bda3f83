import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../../store/pglite-database.js';
import { isValidNhsNumber, nhsCheckDigit } from '../../validation/nhs-number.js';
import { nhsNumberValidSql } from './nhs-number-valid-check.js';

describe('nhsNumberValidSql agrees with the TypeScript Modulus 11 validator', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('on 3,000 numbers: random, valid by construction, one digit off, and malformed', async () => {
    // A small deterministic generator (LCG) so the sample is the same on every run.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const values: string[] = [
      '9434765919',
      '9434765918',
      '9991234560',
      '0000000000',
      '943476591',
      '94347659190',
      '943476591X',
      '',
    ];
    for (let i = 0; i < 1000; i++) values.push(String(next() % 10_000_000_000).padStart(10, '0'));
    for (let i = 0; i < 1000; i++) {
      const stem = String(next() % 1_000_000_000).padStart(9, '0');
      const check = nhsCheckDigit(stem);
      if (check === undefined) continue;
      values.push(`${stem}${check}`);
      values.push(`${stem}${(check + 1 + (next() % 9)) % 10}`);
    }
    const rows = await db.query<{ v: string; ok: boolean }>(
      `SELECT v, ${nhsNumberValidSql('v')} AS ok FROM unnest($1::text[]) AS v`,
      [values],
    );
    const mismatches = rows.filter((r) => r.ok !== isValidNhsNumber(r.v)).map((r) => r.v);
    expect(rows).toHaveLength(values.length);
    expect(mismatches).toEqual([]);
    expect(rows.filter((r) => r.ok).length).toBeGreaterThan(900);
  });
});
