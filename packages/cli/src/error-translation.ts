import { isConnectionLoss, isConnectionSqlState, isFerryError } from '@ferry/core';

/** The exit codes of a command that ran to its end (the server reports the same for a lifecycle run). */
export const exitCodes = { ok: 0, gateBlocked: 1, usage: 2, internal: 3 } as const;

/** The exit codes of a command stopped by a signal: 128 + the signal's number. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/** The exit code of a process stopped by `signal` (SIGINT when unknown). */
export function signalExitCode(signal: string | undefined): number {
  return signal === 'SIGTERM' ? signalExitCodes.SIGTERM : signalExitCodes.SIGINT;
}

/** What a person sees of an error: one message, and the exit code. `internal` asks for a pointer to the log. */
export interface TranslatedError {
  exitCode: number;
  message: string;
  internal: boolean;
}

/** File system failures a person can act on, in words. */
export const fileReasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

const syscallVerbs: Record<string, string> = {
  mkdir: 'create the folder',
  open: 'open',
  write: 'write',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove the folder',
  rm: 'remove',
  scandir: 'read the folder',
  opendir: 'read the folder',
  read: 'read',
  stat: 'read',
  lstat: 'read',
  copyfile: 'copy',
  cp: 'copy',
  symlink: 'link',
  access: 'read',
};

/**
 * SQLSTATEs whose PostgreSQL message quotes only names (of columns, tables, schemas, databases, users), never a
 * value: their message can be shown. Any other database message may quote a row's data and is never shown.
 */
export const nameOnlySqlStates: Record<string, string> = {
  '42703': 'unknown column',
  '42P01': 'unknown table',
  '3F000': 'unknown schema',
  '3D000': 'unknown database',
  '42501': 'permission denied',
  '28P01': 'authentication failed',
  '28000': 'not authorised',
  '42883': 'unknown function or operator',
  '42P07': 'table already exists',
};

interface ErrnoLike extends Error {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  dest?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
}

interface DatabaseErrorLike extends Error {
  code: string;
  severity?: string;
  table?: string;
  column?: string;
  constraint?: string;
  schema?: string;
}

export function isSystemError(e: unknown): e is ErrnoLike & { code: string; syscall: string } {
  const x = e as ErrnoLike;
  return e instanceof Error && typeof x.code === 'string' && typeof x.syscall === 'string';
}

/** A PostgreSQL server's (or PGlite's) error: a five-character SQLSTATE and a severity. */
export function isDatabaseError(e: unknown): e is DatabaseErrorLike {
  const x = e as DatabaseErrorLike;
  return e instanceof Error && typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code) && 'severity' in x;
}

function where(e: ErrnoLike): string {
  const host = typeof e.address === 'string' ? e.address : typeof e.hostname === 'string' ? e.hostname : undefined;
  if (!host) return 'a database server';
  return typeof e.port === 'number' ? `${host}:${e.port}` : host;
}

function translateSystemError(e: ErrnoLike & { code: string; syscall: string }): TranslatedError | undefined {
  const reason = fileReasons[e.code];
  if (reason && typeof e.path === 'string') {
    const verb = syscallVerbs[e.syscall] ?? e.syscall;
    const to = typeof e.dest === 'string' ? ` to ${e.dest}` : '';
    return { exitCode: exitCodes.usage, message: `cannot ${verb} ${e.path}${to}: ${reason}`, internal: false };
  }
  if (reason && e.code === 'ENOSPC') {
    return { exitCode: exitCodes.usage, message: `cannot write: ${reason}`, internal: false };
  }
  return undefined;
}

function translateDatabaseError(e: DatabaseErrorLike): TranslatedError | undefined {
  if (isConnectionSqlState(e.code)) {
    return {
      exitCode: exitCodes.internal,
      message: `lost the connection to the database server (SQLSTATE ${e.code}); what was committed is kept: rerun (or --resume) when it is back`,
      internal: false,
    };
  }
  const named = nameOnlySqlStates[e.code];
  if (named) {
    return {
      exitCode: exitCodes.usage,
      message: `database: ${e.message} (${named}, SQLSTATE ${e.code})`,
      internal: false,
    };
  }
  if (e.code === '23505') {
    const on = [e.constraint && `constraint ${e.constraint}`, e.table && `table ${e.table}`]
      .filter(Boolean)
      .join(' on ');
    return {
      exitCode: exitCodes.usage,
      message: `database: a row with the same key already exists${on ? ` (${on})` : ''}; another process may be writing the same rows`,
      internal: false,
    };
  }
  if (e.code === '53100') {
    return {
      exitCode: exitCodes.internal,
      message: 'the database server ran out of disk space (SQLSTATE 53100)',
      internal: false,
    };
  }
  return undefined;
}

/**
 * The one translation of every failure into a message and an exit code: 2 for what a person can fix (bad input, a
 * path that cannot be written, a name the database does not know), 3 for a lost server or an internal error,
 * 130/143 for a run stopped by a signal. No message quotes a value from the data.
 */
export function translateError(e: unknown): TranslatedError {
  if (isFerryError(e)) {
    if (e.code === 'FERRY_ERR_CANCELLED') {
      return { exitCode: signalExitCode(String(e.context.signal ?? '')), message: e.describe(), internal: false };
    }
    if (e.kind === 'unavailable') return { exitCode: exitCodes.internal, message: e.describe(), internal: false };
    if (e.kind === 'internal') {
      // A Ferry error may wrap one we can say more about (a full disk, a lost server).
      const cause = e.cause === undefined ? undefined : translateError(e.cause);
      if (cause && !cause.internal) return cause;
      return { exitCode: exitCodes.internal, message: `internal error: ${e.describe()}`, internal: true };
    }
    return { exitCode: exitCodes.usage, message: e.describe(), internal: false };
  }
  if (isSystemError(e)) {
    const t = translateSystemError(e);
    if (t) return t;
  }
  if (e instanceof Error && typeof (e as ErrnoLike).code === 'string' && fileReasons[(e as ErrnoLike).code as string]) {
    // Node's error of a file descriptor's write (no syscall path): its reason, still no stack.
    return {
      exitCode: exitCodes.usage,
      message: `cannot write: ${fileReasons[(e as ErrnoLike).code as string]}`,
      internal: false,
    };
  }
  if (isDatabaseError(e)) {
    const t = translateDatabaseError(e);
    if (t) return t;
  }
  if (isConnectionLoss(e)) {
    return {
      exitCode: exitCodes.internal,
      message: `lost the connection to ${where(e as ErrnoLike)}; what was committed is kept: rerun (or --resume) when it is back`,
      internal: false,
    };
  }
  // Messages of errors we do not own (a database's, a parser's) may quote the data they choked on: never shown.
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as ErrnoLike).code;
  const what = typeof code === 'string' || typeof code === 'number' ? `${err.name} ${code}` : err.name;
  return { exitCode: exitCodes.internal, message: `internal error (${what})`, internal: true };
}
