import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { formatCrosswalkCsv, parseCrosswalkCsv, readCrosswalkCsv, writeCrosswalkCsv } from './crosswalk-csv.js';
import type { CrosswalkSet } from './crosswalk-model.js';

const header = 'code_type,source_code,source_label,target_code,target_label,equivalence,status';

function errorOf(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-crosswalk-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseCrosswalkCsv', () => {
  it('reads entries, filling blank equivalence and status, keeping codes as written', () => {
    const text = [
      `${header},reviewer,reviewed_at,notes`,
      'gender,M,Male,1,Male,equivalent,approved,A. Analyst,2025-03-01,',
      'gender, F ,"Female, adult",2,Female,,,,,"Leading space is in the legacy data"',
      'ethnicity,W1,White British,A,White - British,Equal,Reviewed,B. Lead,2025-03-02T10:15:00Z,',
      'ethnicity,ZZ,Unknown,,,unmatched,draft,,,',
    ].join('\n');
    expect(parseCrosswalkCsv(text, 'cw.csv')).toStrictEqual({
      version: 1,
      entries: [
        {
          codeType: 'gender',
          sourceCode: 'M',
          sourceLabel: 'Male',
          targetCode: '1',
          targetLabel: 'Male',
          equivalence: 'equivalent',
          status: 'approved',
          reviewer: 'A. Analyst',
          reviewedAt: '2025-03-01',
        },
        {
          codeType: 'gender',
          sourceCode: ' F ',
          sourceLabel: 'Female, adult',
          targetCode: '2',
          targetLabel: 'Female',
          equivalence: 'equivalent',
          status: 'draft',
          notes: 'Leading space is in the legacy data',
        },
        {
          codeType: 'ethnicity',
          sourceCode: 'W1',
          sourceLabel: 'White British',
          targetCode: 'A',
          targetLabel: 'White - British',
          equivalence: 'equal',
          status: 'reviewed',
          reviewer: 'B. Lead',
          reviewedAt: '2025-03-02T10:15:00Z',
        },
        {
          codeType: 'ethnicity',
          sourceCode: 'ZZ',
          sourceLabel: 'Unknown',
          targetCode: '',
          targetLabel: '',
          equivalence: 'unmatched',
          status: 'draft',
        },
      ],
    });
  });

  it('reads the required columns alone', () => {
    const set = parseCrosswalkCsv(`${header}\r\ngender,M,Male,1,Male,equivalent,approved\r\n\r\n`, 'cw.csv');
    expect(set.entries).toHaveLength(1);
  });

  it('collects every error with line and field', () => {
    const text = [
      `${header},reviewed_at`,
      'gender,M,Male,1,Male,equivalent,approved,',
      ',X,,1,,,,',
      'gender,,,1,,,,',
      'gender,A,,1,,same,,',
      'gender,B,,1,,,done,',
      'gender,C,,,,,,',
      'gender,D,,9,,unmatched,,',
      'gender,E,,1,,,,03/02/2025',
      'gender,M,Male,2,Male,equivalent,draft,',
      'gender,M,Male,2,Male,equivalent,rejected,',
      'gender,F',
    ].join('\n');
    const e = errorOf(() => parseCrosswalkCsv(text, 'cw.csv'));
    expect(e.code).toBe('FERRY_ERR_CROSSWALK_INVALID');
    expect(e.message.split('\n')).toEqual([
      '9 errors in the crosswalk:',
      '  cw.csv:3 field code_type: is blank',
      '  cw.csv:4 field source_code: is blank',
      "  cw.csv:5 field equivalence: unknown equivalence 'same' (expected one of equal, equivalent, wider, narrower, inexact, unmatched)",
      "  cw.csv:6 field status: unknown status 'done' (expected one of draft, reviewed, approved, rejected)",
      '  cw.csv:7 field target_code: is blank (use equivalence unmatched for a code with no target)',
      '  cw.csv:8 field target_code: must be blank when equivalence is unmatched',
      "  cw.csv:9 field reviewed_at: '03/02/2025' is not an ISO date or date-time (yyyy-mm-dd[Thh:mm[:ss]])",
      // Line 11 repeats line 2's source code, but it is rejected: no error.
      '  cw.csv:10 field source_code: code type gender already maps this source code on line 2',
      '  cw.csv:12: record has 2 fields, header has 8',
    ]);
  });

  it('reports header problems', () => {
    const e = errorOf(() => parseCrosswalkCsv('code_type,source_code,target_code,equivalence,status,extra\n', 'h.csv'));
    expect(e.message).toContain('h.csv:1 field extra: unknown column in the header');
    expect(e.message).toContain('h.csv:1 field source_label: required column is missing from the header');
    expect(errorOf(() => parseCrosswalkCsv('', 'e.csv')).message).toContain('the file is empty');
  });
});

describe('crosswalk CSV round trip', () => {
  it('parse(format(s)) equals s, through a file too', async () => {
    const set: CrosswalkSet = {
      version: 1,
      entries: [
        {
          codeType: 'religion',
          sourceCode: 'C OF E',
          sourceLabel: 'Church of England, "Anglican"',
          targetCode: 'A1',
          targetLabel: 'Christian\nAnglican',
          equivalence: 'narrower',
          status: 'approved',
          reviewer: 'Zoë Ó Briain',
          reviewedAt: '2025-01-31T09:00:00+00:00',
          notes: 'Agreed at mapping workshop 3',
        },
        {
          codeType: 'religion',
          sourceCode: '99',
          sourceLabel: '',
          targetCode: '',
          targetLabel: '',
          equivalence: 'unmatched',
          status: 'rejected',
        },
        {
          codeType: 'religion',
          sourceCode: '99',
          sourceLabel: 'Other',
          targetCode: 'Z',
          targetLabel: 'Not stated',
          equivalence: 'inexact',
          status: 'draft',
        },
      ],
    };
    expect(parseCrosswalkCsv(formatCrosswalkCsv(set), 'x.csv')).toStrictEqual(set);
    const path = join(dir, 'nested', 'cw.csv');
    await writeCrosswalkCsv(set, path);
    expect(await readCrosswalkCsv(path)).toStrictEqual(set);
  });
});
