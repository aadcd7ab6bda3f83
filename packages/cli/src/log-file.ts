import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FerryError, isFerryError } from '@ferry/core';
import { fileReasons, isDatabaseError, isSystemError, nameOnlySqlStates } from './error-translation.js';

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
  /** Files dropped because a write failed, with why (a full disk, a permission). */
  private readonly failures = new Map<string, FerryError>();
  /** Until the command's first line is written, a failing file is the command's error, not a note. */
  private begun = false;

  /** Adds a log file (its folder is created); a file that cannot be written is dropped, with a note on stderr. */
  add(path: string): void {
    if (this.paths.includes(path)) return;
    try {
      mkdirSync(dirname(path), { recursive: true });
      appendFileSync(path, '');
      this.paths.push(path);
    } catch (e) {
      this.drop(path, e);
      if (!this.begun) throw this.failures.get(path);
    }
  }

  /** A log file that fails is not written any more, and this is said once on stderr, with the path and reason. */
  private drop(path: string, e: unknown): void {
    const i = this.paths.indexOf(path);
    if (i >= 0) this.paths.splice(i, 1);
    const code = (e as { code?: unknown }).code;
    const reason = typeof code === 'string' ? (fileReasons[code] ?? code) : 'error';
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    const failure = new FerryError(
      full ? 'FERRY_ERR_DISK_FULL' : 'FERRY_ERR_INPUT',
      `Cannot write the log file ${path}: ${reason}`,
      { path },
      { cause: e },
    );
    this.failures.set(path, failure);
    if (this.begun) process.stderr.write(`ferry: ${failure.message}; it is not written any more\n`);
  }

  /** Writes the command's first line: a file that cannot take it is returned as the command's error. */
  begin(message: string): FerryError | undefined {
    const before = [...this.paths];
    this.write('info', message);
    this.begun = true;
    return before.map((p) => this.failures.get(p)).find((f) => f !== undefined);
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
      } catch (e) {
        // A log that cannot be written does not stop the command once it runs; it is said, never silent.
        this.drop(path, e);
      }
    }
  }

  error(summary: string, e: unknown): void {
    this.write('error', `${summary}\n${describeErrorForLog(e)}`);
  }

  /** Forgets every file (between in-process runs, as in tests). */
  reset(): void {
    this.paths.length = 0;
    this.failures.clear();
    this.begun = false;
  }
}

/** The log of the running `ferry` command. */
export const cliLog = new CliLog();
