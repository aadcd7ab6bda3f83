import { describe, expect, it } from 'vitest';
import { ColumnTypeInference, type InferredColumn } from './column-type-inference.js';

function infer(values: string[]): InferredColumn {
  const c = new ColumnTypeInference();
  for (const v of values) c.add(v);
  return c.result();
}

describe('ColumnTypeInference', () => {
  it('integers, but not numbers with a leading zero', () => {
    expect(infer(['1', '-20', '+3', '0'])).toEqual({ dataType: 'integer', nullable: false });
    expect(infer(['0113', '0114']).dataType).not.toBe('integer');
    expect(infer(['1234567890123456']).dataType).toBe('string');
  });

  it('decimals', () => {
    expect(infer(['1.5', '2', '-0.25', ''])).toEqual({ dataType: 'decimal', nullable: true });
    expect(infer(['1.2.3']).dataType).toBe('string');
  });

  it('dates in dd/mm/yyyy or ISO, real calendar dates only', () => {
    expect(infer(['03/02/1961', '1999-12-31', '29/02/2000'])).toEqual({ dataType: 'date', nullable: false });
    expect(infer(['31/02/2001', '01/01/2001']).dataType).toBe('string');
  });

  it('datetimes with hh:mm[:ss]', () => {
    expect(infer(['03/02/1961 10:30', '1999-12-31T23:59:59', '2000-01-01']).dataType).toBe('datetime');
    expect(infer(['03/02/1961 25:30']).dataType).toBe('string');
  });

  it('booleans Y/N and true/false in any case', () => {
    expect(infer(['Y', 'N', 'n', 'TRUE', 'false', 'Yes']).dataType).toBe('boolean');
    // 1/0 are integers.
    expect(infer(['1', '0']).dataType).toBe('integer');
  });

  it('codes: short upper-case values that repeat', () => {
    expect(infer(['A', 'B', 'A', 'C', 'B', 'A'])).toEqual({ dataType: 'code', maxLength: 1, nullable: false });
    expect(infer(['OP', 'IP', 'DC', 'OP', 'IP', 'DC', '', 'RA01', 'RA01'])).toEqual({
      dataType: 'code',
      maxLength: 4,
      nullable: true,
    });
    // Every value different: not a code set.
    expect(infer(['AB1', 'AB2', 'AB3']).dataType).toBe('string');
    // Lower case or long values: not codes.
    expect(infer(['a', 'b', 'a', 'b']).dataType).toBe('string');
    expect(infer(['ABCDEFGHIJK', 'ABCDEFGHIJK']).dataType).toBe('string');
    // More than 50 distinct values: not a code set, however often they repeat.
    const many = Array.from({ length: 51 }, (_, i) => `C${i}`);
    expect(infer([...many, ...many]).dataType).toBe('string');
  });

  it('strings with their longest length; blank or empty columns are nullable strings', () => {
    expect(infer(['Smith', "O'Brien-Jones", ''])).toEqual({ dataType: 'string', maxLength: 13, nullable: true });
    expect(infer(['', '  '])).toEqual({ dataType: 'string', maxLength: 2, nullable: true });
    expect(infer([])).toEqual({ dataType: 'string', nullable: true });
  });
});
