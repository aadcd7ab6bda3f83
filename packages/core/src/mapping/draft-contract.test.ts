import { describe, expect, it } from 'vitest';
import { mappingContractSchema } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';
import { toDraftContract } from './draft-contract.js';
import { suggestion } from './mapping-fixture.js';

describe('toDraftContract', () => {
  it('makes a MappingContract-shaped draft with draft statuses, default transforms and crosswalks', () => {
    const draft = toDraftContract(suggestion);
    expect(() => mappingContractSchema.parse(draft)).not.toThrow();
    expect(draft).toMatchObject({ name: 'legacy-to-target-draft', label: '0.0.0-draft', locked: false });
    const t = draft.tables[0]!;
    expect(t).toMatchObject({ target: 'PATIENT', source: 'PAT', sourceKey: ['PAT_ID'], targetKey: 'RECORD_NUMBER' });
    expect(t.fields.map((f) => [f.target, f.source, f.constant, f.transform, f.crosswalk, f.status])).toEqual([
      ['RECORD_NUMBER', ['PAT_ID'], undefined, ['integer'], undefined, 'draft'],
      ['SYSTEM_CODE', [], 'LEG', [], undefined, 'draft'],
      ['DATE_OF_BIRTH', ['DOB'], undefined, ['date'], undefined, 'draft'],
      ['GENDER', ['SEX'], undefined, ['trim', 'upper'], 'gender', 'draft'],
      ['POSTCODE', ['ADDR1'], undefined, ['trim'], undefined, 'draft'],
      ['SURNAME', [], undefined, [], undefined, 'draft'],
    ]);
    expect(t.fields[2]!.notes).toBe('suggested (0.9): test');
    expect(t.fields[5]!.notes).toBe('no suggestion');
  });

  it('refuses a suggestion that matched no table', () => {
    const none = { ...suggestion, tables: [{ ...suggestion.tables[0]!, source: undefined, sourceKey: [] }] };
    expect(() => toDraftContract(none)).toThrow(FerryError);
  });
});
