import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryError } from '@ferry/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliLog } from './log-file.js';
import { exitCodes, reportError } from './run-command.js';

describe('reportError', () => {
  let stderr = '';
  const spy = () =>
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  afterEach(() => {
    stderr = '';
    cliLog.reset();
    vi.restoreAllMocks();
  });

  it('names file, line and field of a user error, with exit code 2 and no stack trace', () => {
    spy();
    const code = reportError(
      new FerryError('FERRY_ERR_CSV_RAGGED_ROW', 'row has 7 fields, header has 8', {
        file: 'PATIENT.csv',
        line: 12,
        field: 'DOB',
      }),
    );
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toBe('ferry: PATIENT.csv:12 field DOB: row has 7 fields, header has 8\n');
  });

  const dbError = () =>
    Object.assign(new Error('invalid input syntax for type date: "31/02/1961 SMITH"'), {
      name: 'DatabaseError',
      code: '22007',
      severity: 'ERROR',
      table: 'LOAD_PMI',
      column: 'DOB',
    });

  it('never prints the message of an error it does not own (it may quote patient data), exit code 3', () => {
    spy();
    const code = reportError(dbError());
    expect(code).toBe(exitCodes.internal);
    expect(stderr).toBe(
      'ferry: internal error (DatabaseError 22007); run with --log-file PATH (or FERRY_DEBUG=1) for details\n',
    );
    expect(stderr).not.toContain('SMITH');
  });

  it('writes the whole error to the log file (frames, causes, named fields) without its data, and points at it', async () => {
    spy();
    const log = join(await mkdtemp(join(tmpdir(), 'ferry-log-')), 'logs', 'ferry.log');
    cliLog.add(log);
    const code = reportError(
      new FerryError('FERRY_ERR_INTERNAL', 'check stage failed', { stage: 'check' }, { cause: dbError() }),
    );
    expect(code).toBe(exitCodes.internal);
    expect(stderr).toBe(`ferry: internal error: check stage failed; details in ${log}\n`);
    const text = await readFile(log, 'utf8');
    expect(text).toMatch(/^\S+Z error internal error: check stage failed\n/);
    expect(text).toContain('FerryError FERRY_ERR_INTERNAL: check stage failed {"stage":"check"}');
    expect(text).toContain(
      'caused by: DatabaseError SQLSTATE 22007: (message withheld: it may quote data) [severity=ERROR table=LOAD_PMI column=DOB]',
    );
    expect(text).toMatch(/\n {8}at .*run-command\.test\.ts/);
    expect(text).not.toContain('SMITH');
  });
});
