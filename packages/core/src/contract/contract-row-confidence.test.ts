import { describe, expect, it } from 'vitest';
import type { MappingSuggestion } from '../mapping/mapping-suggestion-model.js';
import { contractFieldSchema, contractTableSchema } from './contract-model.js';
import { rowConfidenceLookup } from './contract-row-confidence.js';

const suggestion: MappingSuggestion = {
  version: 1,
  sourceCatalog: 'src',
  targetCatalog: 'tgt',
  usedProfile: true,
  minConfidence: 0.5,
  counts: { targetTables: 1, matchedTables: 1, targetFields: 3, suggestedFields: 2 },
  tables: [
    {
      target: 'LOAD_PMI',
      source: { table: 'PATIENT', confidence: 0.9, reason: 'name' },
      alternatives: [],
      sourceKey: ['ID'],
      parents: [],
      fields: [
        {
          target: 'BIRTH_DATE',
          dataType: 'date',
          mandatory: true,
          best: { table: 'PATIENT', column: 'DOB', confidence: 0.93, reason: 'DOB≈BIRTH_DATE; type date' },
          alternatives: [{ table: 'PATIENT', column: 'REG_DATE', confidence: 0.41, reason: 'type date' }],
        },
        {
          target: 'SOURCE',
          dataType: 'string',
          mandatory: true,
          constant: { value: 'PAS', reason: 'documented' },
          alternatives: [],
        },
        { target: 'NOTES', dataType: 'string', mandatory: false, alternatives: [] },
      ],
    },
  ],
};

const table = contractTableSchema.parse({
  target: 'LOAD_PMI',
  source: 'PATIENT',
  sourceKey: ['ID'],
  domain: 'PMI',
  fields: [{ target: 'BIRTH_DATE', source: ['DOB'] }],
});
const field = (f: Record<string, unknown>) => contractFieldSchema.parse(f);

describe('rowConfidenceLookup', () => {
  const confidenceOf = rowConfidenceLookup(suggestion);

  it("gives the score of the row's own column, best or alternative, case-insensitively", () => {
    expect(confidenceOf(table, field({ target: 'birth_date', source: ['dob'] }))).toEqual({
      confidence: 0.93,
      reason: 'DOB≈BIRTH_DATE; type date',
    });
    expect(confidenceOf(table, field({ target: 'BIRTH_DATE', source: ['REG_DATE'] }))).toEqual({
      confidence: 0.41,
      reason: 'type date',
    });
  });

  it('has no score for a column the suggestion never considered, and names its best', () => {
    expect(confidenceOf(table, field({ target: 'BIRTH_DATE', source: ['SURNAME'] }))).toEqual({
      confidence: null,
      reason: "PATIENT.SURNAME is not among the suggestion's candidates (best: PATIENT.DOB)",
    });
  });

  it('scores a constant the suggestion proposed as 1, and no other', () => {
    expect(confidenceOf(table, field({ target: 'SOURCE', constant: 'PAS' }))).toEqual({
      confidence: 1,
      reason: 'constant: documented',
    });
    expect(confidenceOf(table, field({ target: 'NOTES', constant: 'x' }))).toEqual({
      confidence: null,
      reason: 'a constant the suggestion did not propose',
    });
  });

  it('says when there is nothing to score', () => {
    expect(confidenceOf(table, field({ target: 'NOTES' }))).toEqual({ confidence: null, reason: 'no source column' });
    expect(confidenceOf({ ...table, target: 'LOAD_GP' }, field({ target: 'X', source: ['Y'] }))).toEqual({
      confidence: null,
      reason: 'the suggestion has no LOAD_GP.X',
    });
  });
});
