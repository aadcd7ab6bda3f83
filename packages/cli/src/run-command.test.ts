import { FerryError } from '@ferry/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCodes, reportError } from './run-command.js';

describe('reportError', () => {
  let stderr = '';
  const spy = () =>
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  afterEach(() => {
    stderr = '';
    vi.restoreAllMocks();
  });

  it('names file, line and field of a user error, with exit code 2 and no stack trace', () => {
    spy();
    const code = reportError(
      new FerryError('FERRY_ERR_CSV_RAGGED_ROW', 'row has 7 fields, header has 8', {
        file: 'PATIENT.csv',
        line: 12,
        field: 'DOB',
      }),
    );
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toBe('ferry: PATIENT.csv:12 field DOB: row has 7 fields, header has 8\n');
  });

  it('never prints the message of an error it does not own (it may quote patient data), exit code 3', () => {
    spy();
    const dbError = Object.assign(new Error('invalid input syntax for type date: "31/02/1961 SMITH"'), {
      name: 'DatabaseError',
      code: '22007',
    });
    const code = reportError(dbError);
    expect(code).toBe(exitCodes.internal);
    expect(stderr).toBe('ferry: internal error (DatabaseError 22007); run with FERRY_DEBUG=1 for details\n');
    expect(stderr).not.toContain('SMITH');
  });
});
