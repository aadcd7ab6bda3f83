/** Shared test fixture of the mapping tests (not exported from the package). */
import { mappingContractSchema } from '../contract/contract-model.js';
import { type MappingSuggestion, mappingSuggestionSchema } from './mapping-suggestion-model.js';

/** A hand-made suggestion for PATIENT <- PAT: four fields with a best, two without. */
export const suggestion: MappingSuggestion = mappingSuggestionSchema.parse({
  version: 1,
  sourceCatalog: 'legacy',
  targetCatalog: 'target',
  usedProfile: false,
  minConfidence: 0.35,
  counts: { targetTables: 1, matchedTables: 1, targetFields: 6, suggestedFields: 4 },
  tables: [
    {
      target: 'PATIENT',
      source: { table: 'PAT', confidence: 0.9, reason: 'table names 0.80' },
      alternatives: [],
      sourceKey: ['PAT_ID'],
      targetKey: 'RECORD_NUMBER',
      parents: [],
      fields: [
        { target: 'RECORD_NUMBER', dataType: 'integer', mandatory: true, best: c('PAT_ID', 0.95), alternatives: [] },
        {
          target: 'SYSTEM_CODE',
          dataType: 'string',
          mandatory: true,
          constant: { value: 'LEG', reason: 'stated' },
          alternatives: [],
        },
        { target: 'DATE_OF_BIRTH', dataType: 'date', mandatory: true, best: c('DOB', 0.9), alternatives: [] },
        {
          target: 'GENDER',
          dataType: 'code',
          mandatory: false,
          codeType: 'gender',
          crosswalk: 'gender',
          best: c('SEX', 0.8),
          alternatives: [],
        },
        { target: 'POSTCODE', dataType: 'string', mandatory: false, best: c('ADDR1', 0.4), alternatives: [] },
        { target: 'SURNAME', dataType: 'string', mandatory: false, alternatives: [c('SNAME', 0.2)] },
      ],
    },
  ],
});

function c(column: string, confidence: number) {
  return { table: 'PAT', column, confidence, reason: 'test' };
}

/** The reviewed contract it is compared with. */
export const reviewed = mappingContractSchema.parse({
  version: 1,
  name: 'legacy-to-target',
  label: '1.0.0',
  sourceSystem: 'legacy',
  targetSystem: 'target',
  tables: [
    {
      target: 'PATIENT',
      source: 'PAT',
      sourceKey: ['PAT_ID'],
      domain: 'PMI',
      fields: [
        { target: 'RECORD_NUMBER', source: ['PAT_ID'], transform: ['integer'], mandatory: true, status: 'approved' },
        { target: 'SYSTEM_CODE', constant: 'LEG', mandatory: true, status: 'approved' },
        { target: 'DATE_OF_BIRTH', source: ['DOB'], transform: ['date'], mandatory: true, status: 'approved' },
        { target: 'GENDER', source: [], status: 'approved' },
        { target: 'POSTCODE', source: ['POST_CD'], transform: ['postcode'], status: 'approved' },
        { target: 'SURNAME', source: ['SNAME'], transform: ['trim'], status: 'approved' },
      ],
    },
  ],
});
