import { describe, expect, it } from 'vitest';
import { groupCodeSets, parseCodeSetsCsv } from './code-sets.js';

describe('code sets CSV', () => {
  it('parses entries with retired flags and groups them by code type', () => {
    const entries = parseCodeSetsCsv(
      'code_type,code,label,retired\r\ngender,1,Male,N\ngender,2,Female,N\ndischarge_method,2,"Discharged, self",Y\n',
      'code-sets.csv',
    );
    expect(entries).toEqual([
      { codeType: 'gender', code: '1', label: 'Male', retired: false },
      { codeType: 'gender', code: '2', label: 'Female', retired: false },
      { codeType: 'discharge_method', code: '2', label: 'Discharged, self', retired: true },
    ]);
    expect(groupCodeSets(entries)).toEqual({
      gender: [
        { code: '1', retired: false },
        { code: '2', retired: false },
      ],
      discharge_method: [{ code: '2', retired: true }],
    });
  });

  it('names file, line and field on bad input', () => {
    expect(() => parseCodeSetsCsv('type,code\n', 'cs.csv')).toThrow(/header must be/);
    expect(() => parseCodeSetsCsv('code_type,code,label,retired\ngender,1,Male,maybe\n', 'cs.csv')).toThrowError(
      expect.objectContaining({ context: { file: 'cs.csv', line: 2, field: 'retired' } }),
    );
    expect(() =>
      parseCodeSetsCsv('code_type,code,label,retired\ngender,1,Male,N\ngender,1,Man,N\n', 'cs.csv'),
    ).toThrowError(expect.objectContaining({ context: { file: 'cs.csv', line: 3, field: 'code' } }));
    expect(() => parseCodeSetsCsv('code_type,code,label,retired\ngender,1\n', 'cs.csv')).toThrowError(
      expect.objectContaining({ context: { file: 'cs.csv', line: 2 } }),
    );
  });
});
