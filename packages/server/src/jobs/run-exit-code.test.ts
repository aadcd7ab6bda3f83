import { FerryError } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { exitCodeOfError, exitCodeOfOutcome } from './run-exit-code.js';

describe('run exit codes', () => {
  it('gives 0 to a passed or partial run and 1 to a blocked one', () => {
    expect([exitCodeOfOutcome('PASS'), exitCodeOfOutcome('PARTIAL'), exitCodeOfOutcome('FAIL')]).toEqual([0, 0, 1]);
  });

  it('gives 2 to a Ferry error a person can fix and 3 to an internal or unknown one', () => {
    expect(exitCodeOfError(new FerryError('FERRY_ERR_CONTRACT_INVALID', 'bad'))).toBe(2);
    expect(exitCodeOfError(new FerryError('FERRY_ERR_INTERNAL', 'oops'))).toBe(3);
    expect(exitCodeOfError(new TypeError('x'))).toBe(3);
  });
});
