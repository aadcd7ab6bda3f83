import { describe, expect, it } from 'vitest';
import {
  calibrate,
  chooseThreshold,
  fitIsotonic,
  judgeSuggestion,
  reliabilityTable,
} from './confidence-calibration.js';
import type { MappingSuggestion } from './mapping-suggestion-model.js';

const p = (confidence: number, right: boolean) => ({ confidence, right });

describe('fitIsotonic', () => {
  it('pools adjacent violators into a non-decreasing step', () => {
    const map = fitIsotonic([p(0.4, true), p(0.5, false), p(0.6, true), p(0.9, true)]);
    expect(map.knots).toEqual([
      { confidence: 0.45, probability: 0.5 },
      { confidence: 0.6, probability: 1 },
      { confidence: 0.9, probability: 1 },
    ]);
  });
  it('keeps equal confidences in one block', () => {
    expect(fitIsotonic([p(0.7, true), p(0.7, false)]).knots).toEqual([{ confidence: 0.7, probability: 0.5 }]);
  });
  it('refuses an empty set and a confidence outside [0, 1]', () => {
    expect(() => fitIsotonic([])).toThrow(/at least one/);
    expect(() => fitIsotonic([p(1.2, true)])).toThrow(/FERRY_ERR_INPUT|\[0, 1\]/);
  });
});

describe('calibrate', () => {
  const map = {
    knots: [
      { confidence: 0.4, probability: 0.5 },
      { confidence: 0.8, probability: 1 },
    ],
  };
  it('interpolates between knots and is flat beyond them', () => {
    expect(calibrate(map, 0.6)).toBeCloseTo(0.75, 10);
    expect(calibrate(map, 0.1)).toBe(0.5);
    expect(calibrate(map, 0.95)).toBe(1);
  });
  it('refuses NaN', () => {
    expect(() => calibrate(map, Number.NaN)).toThrow(/\[0, 1\]/);
  });
});

describe('reliabilityTable', () => {
  it('bins by confidence, the last bin closed, empty bins left out', () => {
    const t = reliabilityTable([p(0.1, false), p(0.55, true), p(0.6, false), p(1, true)], [0.5, 0.7, 0.9, 1]);
    expect(t).toEqual([
      { from: 0.5, to: 0.7, n: 2, meanConfidence: 0.575, rightShare: 0.5 },
      { from: 0.9, to: 1, n: 1, meanConfidence: 1, rightShare: 1 },
    ]);
  });
});

describe('chooseThreshold', () => {
  it('keeps the most suggestions at the precision asked', () => {
    const pts = [p(0.95, true), p(0.9, true), p(0.8, true), p(0.7, false), p(0.6, true), p(0.5, false)];
    expect(chooseThreshold(pts, 0.75)).toBe(0.6);
    expect(chooseThreshold(pts, 0.95)).toBe(0.8);
    expect(chooseThreshold([p(0.9, false)], 0.95)).toBe(1);
  });
});

describe('judgeSuggestion', () => {
  it('marks each filled field right when the gold has that column for it', () => {
    const suggestion = {
      tables: [
        {
          target: 'T',
          fields: [
            { target: 'A', best: { table: 'S', column: 'a', confidence: 0.9 } },
            { target: 'B', best: { table: 'S', column: 'x', confidence: 0.5 } },
            { target: 'C' },
          ],
        },
      ],
    } as unknown as MappingSuggestion;
    const gold = [
      { sourceTable: 'S', sourceColumn: 'a', targetTable: 'T', targetColumn: 'A' },
      { sourceTable: 'S', sourceColumn: 'b', targetTable: 'T', targetColumn: 'B' },
    ];
    expect(judgeSuggestion(suggestion, gold)).toEqual([p(0.9, true), p(0.5, false)]);
  });
});
