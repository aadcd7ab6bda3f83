import { FerryError } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { exitCodes, translateError } from './error-translation.js';

/** A Node file system error as `fs` throws it. */
function fsError(code: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: failed, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
}

/** A database error as node-postgres (and PGlite) throw it. */
function dbError(code: string, message: string, fields: Record<string, string> = {}): Error {
  return Object.assign(new Error(message), { name: 'DatabaseError', code, severity: 'ERROR', ...fields });
}

describe('translateError', () => {
  it.each([
    [fsError('EACCES', 'mkdir', '/srv/out'), 'cannot create the folder /srv/out: permission denied'],
    [
      fsError('ENOTDIR', 'mkdir', '/tmp/file.txt/out'),
      'cannot create the folder /tmp/file.txt/out: a part of the path is a file, not a folder',
    ],
    [
      fsError('ENOSPC', 'write', '/mnt/full/rejects.csv'),
      'cannot write /mnt/full/rejects.csv: no space left on the device',
    ],
    [fsError('EROFS', 'open', '/ro/run.json'), 'cannot open /ro/run.json: the file system is read-only'],
  ])('a path that cannot be written is exit 2 naming the path: %s', (e, message) => {
    expect(translateError(e)).toEqual({ exitCode: exitCodes.usage, message, internal: false });
  });

  it('a full disk without a path still says so (exit 2), never "internal error"', () => {
    const e = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write' });
    expect(translateError(e)).toEqual({
      exitCode: 2,
      message: 'cannot write: no space left on the device',
      internal: false,
    });
  });

  it('an unknown column or table is exit 2 with the database sentence (names only)', () => {
    expect(translateError(dbError('42703', 'column "nhs_nmuber" does not exist'))).toEqual({
      exitCode: 2,
      message: 'database: column "nhs_nmuber" does not exist (unknown column, SQLSTATE 42703)',
      internal: false,
    });
    expect(translateError(dbError('42P01', 'relation "LOAD_PMX" does not exist')).exitCode).toBe(2);
  });

  it('a duplicate key is exit 2 naming the constraint and table, never the key values of its detail', () => {
    const e = dbError('23505', 'duplicate key value violates unique constraint "ferry_jobs_pkey"', {
      constraint: 'ferry_jobs_pkey',
      table: 'ferry_jobs',
      detail: 'Key (job_id)=(9434765919) already exists.',
    });
    const t = translateError(e);
    expect(t).toEqual({
      exitCode: 2,
      message:
        'database: a row with the same key already exists (constraint ferry_jobs_pkey on table ferry_jobs); another process may be writing the same rows',
      internal: false,
    });
  });

  it('never shows the message of a database error that may quote data', () => {
    const t = translateError(dbError('22007', 'invalid input syntax for type date: "31/02/1961 SMITH"'));
    expect(t).toEqual({ exitCode: 3, message: 'internal error (DatabaseError 22007)', internal: true });
  });

  it('a lost server connection is exit 3 naming the server, not "internal error"', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '10.0.0.5',
      port: 5432,
    });
    expect(translateError(refused)).toEqual({
      exitCode: 3,
      message: 'lost the connection to 10.0.0.5:5432; what was committed is kept: rerun (or --resume) when it is back',
      internal: false,
    });
    expect(translateError(new Error('Connection terminated unexpectedly')).message).toMatch(
      /^lost the connection to a database server;/,
    );
    expect(translateError(dbError('57P01', 'terminating connection due to administrator command')).exitCode).toBe(3);
    const wrapped = new FerryError(
      'FERRY_ERR_DATABASE_CONNECTION_LOST',
      'Lost the connection to the database postgres://ferry:***@db.example:5432/ferry; what was committed is kept: rerun (or --resume) when it is back',
    );
    expect(translateError(wrapped)).toEqual({ exitCode: 3, message: wrapped.message, internal: false });
  });

  it('a run cancelled by a signal exits 130 (SIGINT) or 143 (SIGTERM)', () => {
    const e = (signal: string) =>
      new FerryError('FERRY_ERR_CANCELLED', `Run r cancelled by ${signal} in stage migrate`, {
        signal,
        stage: 'migrate',
      });
    expect(translateError(e('SIGINT')).exitCode).toBe(130);
    expect(translateError(e('SIGTERM')).exitCode).toBe(143);
  });

  it('an internal Ferry error wrapping a full disk reports the disk', () => {
    const e = new FerryError('FERRY_ERR_INTERNAL', 'stage failed', {}, { cause: fsError('ENOSPC', 'write', '/d/x') });
    expect(translateError(e)).toMatchObject({ exitCode: 2, message: 'cannot write /d/x: no space left on the device' });
  });
});
