import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { formatCrosswalkCsv, parseCrosswalkCsv, readCrosswalkCsv } from './crosswalk-csv.js';
import { crosswalkHash } from './crosswalk-hash.js';
import type { CrosswalkSet } from './crosswalk-model.js';
import { reviewCrosswalkEntries } from './crosswalk-review.js';

const packCrosswalks = fileURLToPath(new URL('../../../../packs/nhs-pas/crosswalks/crosswalks.csv', import.meta.url));

function errorOf(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

const set: CrosswalkSet = {
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
      reviewer: 'A',
      reviewedAt: '2026-01-01',
    },
    {
      codeType: 'gender',
      sourceCode: 'F',
      sourceLabel: 'Female',
      targetCode: '2',
      targetLabel: 'Female',
      equivalence: 'equivalent',
      status: 'draft',
    },
    {
      codeType: 'gender',
      sourceCode: 'U',
      sourceLabel: 'Unknown',
      targetCode: 'X',
      targetLabel: 'Not known',
      equivalence: 'inexact',
      status: 'reviewed',
      reviewer: 'A',
      reviewedAt: '2026-01-02',
    },
    {
      codeType: 'ethnic_category',
      sourceCode: 'WBR',
      sourceLabel: 'White British',
      targetCode: 'A',
      targetLabel: 'White - British',
      equivalence: 'equivalent',
      status: 'draft',
    },
    {
      codeType: 'ethnic_category',
      sourceCode: 'WBR',
      sourceLabel: 'White British',
      targetCode: 'B',
      targetLabel: 'White - Irish',
      equivalence: 'equivalent',
      status: 'rejected',
      reviewer: 'B',
      reviewedAt: '2026-01-03',
    },
  ],
};

describe('crosswalkHash and the CSV round trip', () => {
  it("export -> import keeps the hash of the nhs-pas pack's crosswalks (247 entries)", async () => {
    const pack = await readCrosswalkCsv(packCrosswalks);
    expect(pack.entries).toHaveLength(247);
    const back = parseCrosswalkCsv(formatCrosswalkCsv(pack), 'x.csv');
    expect(crosswalkHash(back)).toBe(crosswalkHash(pack));
    expect(crosswalkHash(parseCrosswalkCsv(formatCrosswalkCsv(set), 'x.csv'))).toBe(crosswalkHash(set));
    expect(crosswalkHash(set)).toMatch(/^[0-9a-f]{64}$/);
    const changed = structuredClone(set);
    changed.entries[1]!.notes = 'x';
    expect(crosswalkHash(changed)).not.toBe(crosswalkHash(set));
  });
});

describe('reviewCrosswalkEntries', () => {
  it('reviews then approves a filtered set with who and when, leaving entries already there', () => {
    const reviewed = reviewCrosswalkEntries(
      set,
      { codeType: 'GENDER', status: 'draft' },
      { status: 'reviewed', reviewer: 'B. Lead', at: '2026-03-01' },
    );
    expect(reviewed.changed).toEqual([{ index: 1, codeType: 'gender', sourceCode: 'F' }]);
    const approved = reviewCrosswalkEntries(
      reviewed.set,
      { codeType: 'gender' },
      { status: 'approved', reviewer: 'C. Safety', at: '2026-03-02T10:00:00Z' },
    );
    expect(approved.changed.map((r) => r.sourceCode)).toEqual(['F', 'U']);
    expect(approved.unchanged.map((r) => r.sourceCode)).toEqual(['M']);
    expect(approved.set.entries.slice(0, 3).map((e) => [e.sourceCode, e.status, e.reviewer, e.reviewedAt])).toEqual([
      ['M', 'approved', 'A', '2026-01-01'],
      ['F', 'approved', 'C. Safety', '2026-03-02T10:00:00Z'],
      ['U', 'approved', 'C. Safety', '2026-03-02T10:00:00Z'],
    ]);
    expect(set.entries[1]!.status).toBe('draft');
  });

  it('refuses moves the workflow does not allow, and a reopening that gives a code two live entries', () => {
    const e = errorOf(() =>
      reviewCrosswalkEntries(set, { codeType: 'gender' }, { status: 'approved', reviewer: 'X', at: '2026-03-01' }),
    );
    expect(e.code).toBe('FERRY_ERR_REVIEW_TRANSITION');
    expect(e.message).toBe(
      "1 crosswalk entry cannot move to approved; nothing was changed:\n  gender 'F' is draft (draft may move to reviewed)",
    );
    const twice = errorOf(() =>
      reviewCrosswalkEntries(set, { sourceCode: 'WBR', status: 'rejected' }, { status: 'draft' }),
    );
    expect(twice.message).toBe(
      "1 crosswalk entry cannot move to draft; nothing was changed:\n  ethnic_category 'WBR' would have two live entries (4 and 5)",
    );
    expect(errorOf(() => reviewCrosswalkEntries(set, {}, { status: 'rejected', at: '2026-03-01' })).message).toBe(
      'marking rows rejected needs a reviewer',
    );
  });

  it('selects by text in labels and notes', () => {
    const r = reviewCrosswalkEntries(set, { text: 'not known' }, { status: 'draft' });
    expect(r.changed.map((x) => x.sourceCode)).toEqual(['U']);
    expect(r.set.entries[2]).not.toHaveProperty('reviewer');
  });
});
