import { describe, expect, it } from 'vitest';
import { labelSimilarity, labelTokens, tokenWeights } from './label-similarity.js';
import { suggestNationalCodes } from './national-code-suggestions.js';

describe('labelSimilarity', () => {
  it('tokenises without punctuation, filler words or repeats', () => {
    expect(labelTokens('Black or Black British - Caribbean')).toEqual(['black', 'british', 'caribbean']);
    expect(labelTokens('Via A&E')).toEqual(['e']);
    expect(labelTokens('  ')).toEqual([]);
  });

  it('is 1 for the same words, 0 for nothing in common, and matches abbreviations by prefix', () => {
    // Same words (token score 1); trigrams of '  white british ' and '  british white ': 12 of 14 each shared.
    expect(labelSimilarity('White - British', 'british, WHITE')).toBeCloseTo(0.5 + (0.5 * (2 * 12)) / (14 + 14), 12);
    expect(labelSimilarity('Male', 'Male')).toBe(1);
    expect(labelSimilarity('Male', 'Zzz')).toBe(0);
    expect(labelSimilarity('', 'Male')).toBe(0);
    expect(labelSimilarity('Psych', 'Psychiatry')).toBeGreaterThan(labelSimilarity('Psy', 'Psychiatry') - 1e-9);
    expect(labelSimilarity('Mixed white/Asian', 'Mixed - White and Asian')).toBe(1);
  });

  it('weighs rare words more than common ones', () => {
    const weights = tokenWeights([
      'Emergency - GP',
      'Emergency - bed bureau',
      'Emergency - other',
      'Elective - booked',
    ]);
    expect(weights.get('emergency')).toBeLessThan(weights.get('bureau')!);
    expect(weights.get('bureau')).toBe(1);
    expect(labelSimilarity('Bed bureau', 'Emergency - bed bureau', weights)).toBeGreaterThan(
      labelSimilarity('Bed bureau', 'Emergency - bed bureau'),
    );
  });
});

describe('suggestNationalCodes', () => {
  const ethnic = [
    { codeType: 'ethnic_category', code: 'A', label: 'White - British', retired: false },
    { codeType: 'ethnic_category', code: 'B', label: 'White - Irish', retired: false },
    { codeType: 'ethnic_category', code: 'F', label: 'Mixed - White and Asian', retired: false },
    { codeType: 'ethnic_category', code: 'Q', label: 'Irish (retired)', retired: true },
  ];

  it('ranks national codes by label, skipping retired codes', () => {
    const s = suggestNationalCodes('White Irish', ethnic, []);
    expect(s.map((x) => [x.targetCode, x.basis])).toEqual([
      ['B', 'national label'],
      ['A', 'national label'],
      ['F', 'national label'],
    ]);
    expect(s[0]!.score).toBe(1);
    expect(suggestNationalCodes('White Irish', ethnic, [], 1)).toHaveLength(1);
    expect(suggestNationalCodes('Qqq', ethnic, [])).toEqual([]);
  });

  it('also matches the labels of approved local codes, at half weight', () => {
    const approved = [
      {
        codeType: 'ethnic_category',
        sourceCode: 'IRL',
        sourceLabel: 'Eire national',
        targetCode: 'B',
        targetLabel: 'White - Irish',
        equivalence: 'equivalent' as const,
        status: 'approved' as const,
      },
      {
        codeType: 'ethnic_category',
        sourceCode: 'XX',
        sourceLabel: 'Eire national',
        targetCode: 'A',
        targetLabel: 'White - British',
        equivalence: 'equivalent' as const,
        status: 'draft' as const,
      },
    ];
    expect(suggestNationalCodes('Eire national', ethnic, approved)).toEqual([
      {
        targetCode: 'B',
        targetLabel: 'White - Irish',
        score: 0.5,
        basis: 'approved mapping',
        matchedLabel: 'Eire national',
      },
    ]);
  });
});
