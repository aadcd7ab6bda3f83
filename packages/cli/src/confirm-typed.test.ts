import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirmTyped } from './confirm-typed.js';

/** A terminal that answers `typed`, and what was asked on it. */
function terminal(typed: string | undefined, isTTY = true) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let asked = '';
  output.on('data', (d) => {
    asked += String(d);
  });
  if (typed !== undefined) input.end(`${typed}\n`);
  return { io: { input, output }, asked: () => asked };
}

describe('confirmTyped', () => {
  const what = 'Roll back 9 migrations of ferry_test';

  it('goes ahead on a terminal when the expected name is typed, after asking for it', async () => {
    const t = terminal('ferry_test');
    await confirmTyped({ what, expected: 'ferry_test' }, t.io);
    expect(t.asked()).toBe('Roll back 9 migrations of ferry_test. Type ferry_test to confirm: ');
  });

  it('refuses anything else typed on a terminal', async () => {
    await expect(confirmTyped({ what, expected: 'ferry_test' }, terminal('yes').io)).rejects.toMatchObject({
      code: 'FERRY_ERR_DESTRUCTIVE_REFUSED',
      message: `${what}: not confirmed (typed something other than ferry_test). Nothing was changed`,
    });
  });

  it('refuses when the terminal input ends before anything is typed', async () => {
    await expect(confirmTyped({ what, expected: 'ferry_test' }, terminal('').io)).rejects.toMatchObject({
      code: 'FERRY_ERR_DESTRUCTIVE_REFUSED',
    });
    const t = terminal(undefined);
    t.io.input.end();
    await expect(confirmTyped({ what, expected: 'ferry_test' }, t.io)).rejects.toMatchObject({
      code: 'FERRY_ERR_DESTRUCTIVE_REFUSED',
    });
  });

  it('off a terminal, asks nothing and refuses without --yes', async () => {
    const t = terminal(undefined, false);
    await expect(confirmTyped({ what, expected: 'ferry_test' }, t.io)).rejects.toMatchObject({
      code: 'FERRY_ERR_DESTRUCTIVE_REFUSED',
      message: `${what}: not confirmed (no terminal to ask on); give --yes to confirm. Nothing was changed`,
    });
    expect(t.asked()).toBe('');
  });

  it('--yes confirms without asking, on a terminal or not', async () => {
    for (const isTTY of [true, false]) {
      const t = terminal(undefined, isTTY);
      await confirmTyped({ what, expected: 'ferry_test', yes: true }, t.io);
      expect(t.asked()).toBe('');
    }
  });
});
