import { describe, expect, it } from 'vitest';
import { exitCodeMeaning, runScope } from './run-scope';
import type { Run } from './runs-api';

const run = (r: Partial<Run>): Run =>
  ({ fromStage: null, toStage: null, source: { kind: 'generated', patients: 5 }, ...r }) as Run;

describe('runScope', () => {
  it('names a whole run, a stop after a stage, a rerun and a single stage', () => {
    expect(runScope(run({}))).toBe('generated, 5 patients');
    expect(runScope(run({ toStage: 'profile' }))).toBe('generated, 5 patients to profile');
    expect(runScope(run({ fromStage: 'gate', source: { kind: 'reused' } }))).toBe('rerun from gate');
    expect(runScope(run({ fromStage: 'check', toStage: 'check', source: { kind: 'reused' } }))).toBe('check alone');
    expect(runScope(run({ fromStage: 'map', toStage: 'gate', source: { kind: 'reused' } }))).toBe(
      'rerun from map to gate',
    );
  });

  it('says what each exit code means', () => {
    expect([0, 1, 2, 3, 9].map(exitCodeMeaning)).toEqual([
      'passed, or stopped where asked',
      'the gate blocks or reconciliation differs',
      'a user error',
      'an internal error',
      'unknown',
    ]);
  });
});
