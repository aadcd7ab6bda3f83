import { InvalidArgumentError } from 'commander';
import { exitCodes, translateError } from './error-translation.js';
import { cliLog } from './log-file.js';

export { exitCodes } from './error-translation.js';

/**
 * Prints an error for a person (one line, no stack trace, no value from the data), writes it whole to the log files,
 * and returns the exit code. An internal error points at the log (or says how to get one).
 */
export function reportError(e: unknown): number {
  const t = translateError(e);
  cliLog.error(t.message, e);
  let line = `ferry: ${t.message}`;
  if (t.internal) {
    line += cliLog.files.length
      ? `; details in ${cliLog.files.join(' and ')}`
      : '; run with --log-file PATH (or FERRY_DEBUG=1) for details';
  }
  process.stderr.write(`${line}\n`);
  if (process.env.FERRY_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return t.exitCode;
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
