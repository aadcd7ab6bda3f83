import { isFerryError } from '@ferry/core';
import { InvalidArgumentError } from 'commander';

export const exitCodes = { ok: 0, gateBlocked: 1, usage: 2, internal: 3 } as const;

/** Prints an error for a person (no stack trace for user errors) and returns the exit code. */
export function reportError(e: unknown): number {
  if (isFerryError(e)) {
    if (e.kind === 'internal') {
      process.stderr.write(`ferry: internal error: ${e.describe()}\n`);
      return exitCodes.internal;
    }
    process.stderr.write(`ferry: ${e.describe()}\n`);
    return exitCodes.usage;
  }
  // Messages of errors we do not own (a database's, a parser's) may quote the data they choked on: they are shown
  // only with FERRY_DEBUG=1, never by default, so no patient value reaches a terminal or a log by accident.
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  const what = typeof code === 'string' ? `${err.name} ${code}` : err.name;
  process.stderr.write(`ferry: internal error (${what}); run with FERRY_DEBUG=1 for details\n`);
  if (process.env.FERRY_DEBUG) process.stderr.write(`${err.stack}\n`);
  return exitCodes.internal;
}

/**
 * Wraps a command action so that it returns an exit code instead of throwing.
 * Actions return the exit code they want (0 by default).
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<number | undefined>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? exitCodes.ok;
    } catch (e) {
      process.exitCode = reportError(e);
    }
  };
}

/** Parses a positive integer option or throws a usage error naming the option. */
export function intOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
      throw new InvalidArgumentError(`${name} must be a non-negative integer, got '${value}'`);
    }
    return n;
  };
}
