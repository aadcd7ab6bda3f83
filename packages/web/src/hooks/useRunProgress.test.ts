import { describe, expect, it } from 'vitest';
import { foldRunEvent, type RunProgress } from './useRunProgress';

describe('foldRunEvent', () => {
  it('follows a stage from start through progress to its end, then the run to its finish', () => {
    let p: RunProgress = { stages: {}, current: null, finished: null, connected: true };
    p = foldRunEvent(p, { type: 'stage-start', stage: 'migrate' });
    expect(p.current).toBe('migrate');
    expect(p.stages.migrate).toEqual({ state: 'running' });
    p = foldRunEvent(p, { type: 'stage-progress', stage: 'migrate', done: 40, total: 100, label: 'PATIENT' });
    expect(p.stages.migrate).toEqual({ state: 'running', done: 40, total: 100, label: 'PATIENT' });
    p = foldRunEvent(p, { type: 'stage-end', stage: 'migrate', status: 'Success', ms: 1200 });
    expect(p.stages.migrate).toEqual({ state: 'Success', done: 40, total: 100, label: 'PATIENT', ms: 1200 });
    p = foldRunEvent(p, { type: 'run-status', status: 'running' });
    p = foldRunEvent(p, { type: 'run-finished', status: 'succeeded', outcome: 'PASS' });
    expect([p.current, p.finished]).toEqual([null, { status: 'succeeded', outcome: 'PASS', error: undefined }]);
  });
});
