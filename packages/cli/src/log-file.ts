import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isFerryError } from '@ferry/core';
import { isDatabaseError, isSystemError, nameOnlySqlStates } from './error-translation.js';

/**
 * One error, whole, for support: name, code, the message when it cannot quote data, the database's named fields
 * (table, column, constraint: names, never values), the stack frames and the chain of causes.
 *
 * @example
 * describeErrorForLog(new FerryError('FERRY_ERR_INPUT', 'bad', { file: 'a.csv' }))
 */
export function describeErrorForLog(e: unknown, depth = 0): string {
  const lines: string[] = [];
  if (!(e instanceof Error)) {
    lines.push(`thrown value of type ${typeof e}`);
    return lines.join('\n');
  }
  if (isFerryError(e)) {
    const context = Object.keys(e.context).length ? ` ${JSON.stringify(e.context)}` : '';
    lines.push(`${e.name} ${e.code}: ${e.message}${context}`);
  } else if (isSystemError(e)) {
    // Node's own words: a syscall, a code and a path.
    lines.push(`${e.name} ${e.code} (${e.syscall}): ${e.message}`);
  } else if (isDatabaseError(e)) {
    const fields = (['severity', 'schema', 'table', 'column', 'constraint', 'routine'] as const)
      .map((k) => [k, (e as unknown as Record<string, unknown>)[k]] as const)
      .filter(([, v]) => typeof v === 'string' && v)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const message = nameOnlySqlStates[e.code] ? e.message : '(message withheld: it may quote data)';
    lines.push(`${e.name} SQLSTATE ${e.code}: ${message}${fields ? ` [${fields}]` : ''}`);
  } else {
    const code = (e as { code?: unknown }).code;
    lines.push(
      `${e.name}${typeof code === 'string' || typeof code === 'number' ? ` ${code}` : ''}: (message withheld: it may quote data)`,
    );
  }
  // Frames only: the first line of a stack repeats the message.
  for (const frame of (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l))) lines.push(frame);
  if (e instanceof AggregateError)
    for (const inner of e.errors) lines.push(indent(describeErrorForLog(inner, depth + 1)));
  if (e.cause !== undefined && depth < 8) lines.push(`caused by: ${describeErrorForLog(e.cause, depth + 1)}`);
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/**
 * The log files of this process: `--log-file PATH`, and the log of a lifecycle run (`OUT/runs/<run-id>/ferry.log`)
 * once the run has one. Lines are appended synchronously, so a crash or a signal loses none.
 */
export class CliLog {
  private readonly paths: string[] = [];

  /** Adds a log file (its folder is created); a file that cannot be written is dropped, with a note on stderr. */
  add(path: string): void {
    if (this.paths.includes(path)) return;
    try {
      mkdirSync(dirname(path), { recursive: true });
      appendFileSync(path, '');
      this.paths.push(path);
    } catch (e) {
      process.stderr.write(`ferry: cannot write the log file ${path} (${(e as { code?: string }).code ?? 'error'})\n`);
    }
  }

  get files(): readonly string[] {
    return this.paths;
  }

  write(level: 'info' | 'warn' | 'error', message: string): void {
    const text = message
      .split('\n')
      .map((l, i) => (i === 0 ? `${new Date().toISOString()} ${level.padEnd(5)} ${l}` : `    ${l}`))
      .join('\n');
    for (const path of this.paths) {
      try {
        appendFileSync(path, `${text}\n`);
      } catch {
        // a log that cannot be written must not stop the command
      }
    }
  }

  error(summary: string, e: unknown): void {
    this.write('error', `${summary}\n${describeErrorForLog(e)}`);
  }

  /** Forgets every file (between in-process runs, as in tests). */
  reset(): void {
    this.paths.length = 0;
  }
}

/** The log of the running `ferry` command. */
export const cliLog = new CliLog();
