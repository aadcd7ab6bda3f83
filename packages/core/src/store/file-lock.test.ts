import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { configureLocks, FileLock, redactCommand } from './file-lock.js';
import { PgliteDatabase } from './pglite-database.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Another live process, to stand for a holder. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

const holderFile = (pid: number, command = 'ferry migrate --target pglite:x') =>
  `${JSON.stringify({ pid, host: hostname(), command, since: '2026-01-01T00:00:00.000Z' })}\n`;

describe('FileLock', () => {
  it('writes who holds it, and removes its file on release', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-lock-'));
    configureLocks({ command: 'ferry test' });
    const lock = await FileLock.acquire(join(dir, 'x.lock'), 'x');
    const holder = JSON.parse(await readFile(join(dir, 'x.lock'), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), command: 'ferry test' });
    await lock.release();
    expect(existsSync(join(dir, 'x.lock'))).toBe(false);
  });

  it('is re-entrant within a process: the file goes with the last release', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-lock-'));
    const path = join(dir, 'x.lock');
    const [a, b] = await Promise.all([FileLock.acquire(path, 'x'), FileLock.acquire(path, 'x')]);
    await a.release();
    expect(existsSync(path)).toBe(true);
    await b.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a lock a live process holds, naming its pid, command and since when', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-lock-'));
    const path = join(dir, 'target.lock');
    const other = otherProcess();
    await writeFile(path, holderFile(other.pid!));
    const refused = await FileLock.acquire(path, 'The embedded database target', { waitMs: 300 }).catch((e) => e);
    expect(refused).toBeInstanceOf(FerryError);
    expect(refused.code).toBe('FERRY_ERR_LOCKED');
    expect(refused.message).toBe(
      `The embedded database target is in use by another Ferry process (pid ${other.pid} on ${hostname()}, running "ferry migrate --target pglite:x", since 2026-01-01T00:00:00.000Z); wait for it to finish, stop it, or give --lock-wait SECONDS to wait for it (lock file ${path})`,
    );
    // The holder's lock is left alone.
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(other.pid);
  });

  it('waits for a live holder that lets go within the wait', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-lock-'));
    const path = join(dir, 'target.lock');
    // The holder is a real process that removes its lock file after 400 ms.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(path)}, JSON.stringify({pid: process.pid, host: require('os').hostname(), command: 'x', since: 'now'}));
         setTimeout(() => require('fs').unlinkSync(${JSON.stringify(path)}), 400); setTimeout(() => {}, 2000);`,
      ],
      { stdio: 'ignore' },
    );
    children.push(child);
    while (!existsSync(path)) await new Promise((r) => setTimeout(r, 20));
    const told: string[] = [];
    configureLocks({ onWait: (what, holder, waitMs) => told.push(`${what} ${waitMs} ${holder}`) });
    try {
      const lock = await FileLock.acquire(path, 'the target', { waitMs: 10_000 });
      expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
      await lock.release();
    } finally {
      configureLocks({ onWait: undefined });
    }
    // The wait was said once, naming the holder.
    expect(told).toEqual([`the target 10000 pid ${child.pid} on ${hostname()}, running "x", since now`]);
  });

  it('takes over the lock of a process that died (SIGKILL) without releasing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-lock-'));
    const path = join(dir, 'target.lock');
    await writeFile(path, holderFile(await deadPid()));
    const lock = await FileLock.acquire(path, 'target', { waitMs: 0 });
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('hides passwords of URLs and the SQL of --*-where options in the command it records', () => {
    expect(redactCommand('ferry migrate --target postgres://ferry:s3cret@db:5432/x --json')).toBe(
      'ferry migrate --target postgres://ferry:***@db:5432/x --json',
    );
    expect(redactCommand('ferry table-diff --left-where nhs=9434765919 --right-where=x --key id')).toBe(
      'ferry table-diff --left-where *** --right-where=*** --key id',
    );
  });
});

describe('PgliteDatabase one writer', () => {
  it('refuses its data folder while another live process holds the lock beside it (DIR.lock)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-lock-'));
    const other = otherProcess();
    await writeFile(join(dir, 'db.lock'), holderFile(other.pid!, 'ferry serve'));
    await expect(PgliteDatabase.open(join(dir, 'db'))).rejects.toThrow(
      new RegExp(`^The embedded database .*db is in use by another Ferry process \\(pid ${other.pid} .*"ferry serve"`),
    );
    // Nothing was opened, and the holder's lock is left alone.
    expect(existsSync(join(dir, 'db'))).toBe(false);
    expect(JSON.parse(await readFile(join(dir, 'db.lock'), 'utf8')).pid).toBe(other.pid);
  });
});
