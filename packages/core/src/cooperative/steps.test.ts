import { describe, expect, it } from 'vitest';
import { runToEnd, runYielding, type Steps } from './steps.js';

function* busy(stepMs: number, steps: number, done: number[]): Steps<string> {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until) {
      // CPU-bound work
    }
    done.push(i);
    yield;
  }
  return 'finished';
}

describe('cooperative steps', () => {
  it('runToEnd runs every step at once and returns the result', () => {
    const done: number[] = [];
    expect(runToEnd(busy(0, 3, done))).toBe('finished');
    expect(done).toEqual([0, 1, 2]);
  });

  it('runYielding lets a timer run while the work is under way, with the same result', async () => {
    const done: number[] = [];
    let firedAfter: number | undefined;
    setTimeout(() => {
      firedAfter = done.length;
    }, 0);
    expect(await runYielding(busy(10, 20, done), 20)).toBe('finished');
    expect(firedAfter).toBeGreaterThan(0);
    expect(firedAfter).toBeLessThan(20);
  });

  it('stops at the next step once its signal is aborted, with the reason', async () => {
    const done: number[] = [];
    const controller = new AbortController();
    setTimeout(() => controller.abort('SIGINT'), 0);
    await expect(runYielding(busy(10, 200, done), 20, controller.signal)).rejects.toBe('SIGINT');
    expect(done.length).toBeLessThan(200);
  });
});
