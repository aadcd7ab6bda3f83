import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { FerryError } from '@ferry/core';

/** Where a confirmation is asked: a terminal's input and output (`isTTY` tells whether a person can answer). */
export interface ConfirmIo {
  input: Readable & { isTTY?: boolean };
  output: Writable;
}

/**
 * Confirms a destructive action. With `yes` (the user gave `--yes`), it goes ahead. On a terminal, the user must type
 * `expected` (e.g. the database's name) exactly; anything else refuses. Off a terminal nobody can answer, so it
 * refuses and says to give `--yes`. Refusals are FERRY_ERR_DESTRUCTIVE_REFUSED (exit 2) and change nothing.
 *
 * @example
 * await confirmTyped({ what: 'Roll back 9 migrations', expected: 'ferry', yes: flags.yes });
 */
export async function confirmTyped(
  options: { what: string; expected: string; yes?: boolean },
  io: ConfirmIo = { input: process.stdin, output: process.stderr },
): Promise<void> {
  if (options.yes) return;
  if (!io.input.isTTY) {
    throw new FerryError(
      'FERRY_ERR_DESTRUCTIVE_REFUSED',
      `${options.what}: not confirmed (no terminal to ask on); give --yes to confirm. Nothing was changed`,
    );
  }
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  try {
    // Input that ends before a line is typed (Ctrl-D) is no confirmation.
    const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
    const answer = await Promise.race([rl.question(`${options.what}. Type ${options.expected} to confirm: `), closed]);
    if (answer?.trim() !== options.expected) {
      throw new FerryError(
        'FERRY_ERR_DESTRUCTIVE_REFUSED',
        `${options.what}: not confirmed (typed something other than ${options.expected}). Nothing was changed`,
      );
    }
  } finally {
    rl.close();
  }
}
