import { describe, expect, it } from 'vitest';
import { smallContract } from '../contract/contract-test-fixture.js';
import { assertSourceFitsContract, sourceContractGaps } from './source-contract-fit.js';

describe('sourceContractGaps', () => {
  const contract = smallContract();
  const t = contract.tables[0]!;
  const columns = [...new Set([...t.sourceKey, ...t.fields.flatMap((f) => f.source)])];

  it('finds nothing when the source holds every table and column the contract reads', () => {
    const found = contract.tables.map((x) => ({
      name: x.source,
      columns: [
        ...new Set([
          ...x.sourceKey,
          ...(x.outOfScope ? [x.outOfScope.column] : []),
          ...x.fields.flatMap((f) => f.source),
        ]),
      ],
    }));
    expect(sourceContractGaps(contract, found)).toEqual([]);
    expect(() => assertSourceFitsContract(contract, found)).not.toThrow();
  });

  it('names each missing table, and each missing column with the field it feeds', () => {
    const field = t.fields.find((f) => f.source.length > 0)!;
    const found = [{ name: t.source, columns: columns.filter((c) => c !== field.source[0]) }];
    const gaps = sourceContractGaps(contract, found);
    expect(gaps).toContain(`column ${t.source}.${field.source[0]} (for ${t.target}.${field.target})`);
    for (const other of contract.tables.slice(1).filter((x) => x.source !== t.source))
      expect(gaps).toContain(`table ${other.source} (for ${other.target})`);
    expect(() => assertSourceFitsContract(contract, [])).toThrow(
      expect.objectContaining({
        code: 'FERRY_ERR_INPUT',
        message: expect.stringContaining(`table ${t.source} (for ${t.target})`),
      }),
    );
  });
});
