import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { FerryError } from '../errors.js';

/** Who holds a lock, as written in its lock file. */
export const lockHolderSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  command: z.string(),
  since: z.string(),
});
export type LockHolder = z.infer<typeof lockHolderSchema>;

/** How this process takes locks: set once by the program (the CLI, the server). */
export interface LockSettings {
  /** How long to wait for a lock another live process holds before refusing (ms). */
  waitMs: number;
  /** What this process is, as other processes will read it, e.g. `ferry migrate --target pglite:.ferry/target`. */
  command: string;
  /** Told once when a lock is waited for: what it protects and who holds it (e.g. to say so on stderr). */
  onWait?: (what: string, holder: string, waitMs: number) => void;
}

const settings: LockSettings = { waitMs: 0, command: `node pid ${process.pid}` };

/** Sets how this process waits for locks and how it names itself in the locks it takes. */
export function configureLocks(next: Partial<LockSettings>): void {
  Object.assign(settings, next);
}

/**
 * What of a command line may be written where other users read it: passwords of URLs hidden
 * (`postgres://u:secret@h` -> `postgres://u:***@h`), and the SQL of `--*-where` options, which may quote a value.
 */
export function redactCommand(command: string): string {
  return command
    .replace(/(\w+:\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@')
    .replace(/(--[\w-]*where)(=|\s+)(?:'[^']*'|"[^"]*"|\S+)/g, '$1$2***');
}

/** Locks this process holds, by lock file path: taking one again in the same process only counts up. */
const held = new Map<string, { count: number; content: string }>();
/** Takings under way in this process, by lock file path. */
const pending = new Map<string, Promise<void>>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Whatever way the process ends (return, process.exit on a signal, an uncaught error), its locks go with it.
  process.on('exit', () => {
    for (const [path, lock] of held) removeIfOursSync(path, lock.content);
    held.clear();
  });
}

function removeIfOursSync(path: string, content: string): void {
  try {
    if (readFileSync(path, 'utf8') === content) unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Whether a process id is alive on this host (EPERM: alive, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Reading = { holder: LockHolder; text: string } | { holder: undefined; text: string; ageMs: number } | undefined;

async function readLock(path: string): Promise<Reading> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const parsed = lockHolderSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { holder: parsed.data, text };
  } catch {
    // being written, or damaged
  }
  return { holder: undefined, text, ageMs: Date.now() - mtimeMs };
}

/** A lock is stale when its holder is gone: a dead pid on this host, or a lock file that never got its contents. */
function isStale(reading: NonNullable<Reading>): boolean {
  if (!reading.holder) return reading.ageMs > 5_000;
  const { pid, host } = reading.holder;
  if (host !== hostname()) return false; // another machine's process: we cannot tell, so it holds
  if (pid === process.pid) return true; // not in `held`: a previous process that had our pid
  return !processAlive(pid);
}

/**
 * Removes a stale lock file, once: a second file (`.break`) makes breakers take turns, so two processes that both saw
 * the same stale lock cannot remove a fresh one taken in between.
 */
async function breakStale(path: string, staleText: string): Promise<void> {
  const breaker = `${path}.break`;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(breaker, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A breaker that died while breaking leaves its file; it is old within seconds.
    const age = await stat(breaker).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > 10_000) await unlink(breaker).catch(() => {});
    return;
  }
  try {
    const now = await readFile(path, 'utf8').catch(() => undefined);
    if (now === staleText) await unlink(path).catch(() => {});
  } finally {
    await handle.close();
    await unlink(breaker).catch(() => {});
  }
}

function describeHolder(h: LockHolder): string {
  return `pid ${h.pid} on ${h.host}, running "${h.command}", since ${h.since}`;
}

/** Creates the lock file, taking over a stale one and waiting (up to `waitMs`) for a live holder; its contents. */
async function take(path: string, what: string, waitMs: number): Promise<string> {
  installExitHook();
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + waitMs;
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: redactCommand(settings.command),
    since: new Date().toISOString(),
  };
  const content = `${JSON.stringify(holder)}\n`;
  let told = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return content;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const reading = await readLock(path);
    if (!reading) continue; // released meanwhile
    if (isStale(reading)) {
      await breakStale(path, reading.text);
      continue;
    }
    const who = reading.holder ? describeHolder(reading.holder) : 'a process that is starting';
    if (Date.now() >= deadline) {
      throw new FerryError(
        'FERRY_ERR_LOCKED',
        `${what.charAt(0).toUpperCase()}${what.slice(1)} is in use by another Ferry process (${who}); wait for it to finish, stop it, or give --lock-wait SECONDS to wait for it (lock file ${path})`,
      );
    }
    if (!told) settings.onWait?.(what, who, waitMs);
    told = true;
    await sleep(Math.min(200, Math.max(deadline - Date.now(), 10)));
  }
}

/**
 * An exclusive lock between processes: a lock file created with O_EXCL holding the holder's pid, host, command and
 * start time. A lock whose holder died (SIGKILL, a crash) is taken over; one held by a live process is waited for,
 * up to the configured wait, then refused with an error naming the holder. Within one process a lock is re-entrant.
 *
 * @example
 * const lock = await FileLock.acquire('.ferry/target.lock', 'the embedded database .ferry/target');
 * try { ... } finally { await lock.release(); }
 */
export class FileLock {
  private released = false;

  private constructor(readonly path: string) {}

  /** Takes the lock at `path`; `what` names what it protects in the refusal message. */
  static async acquire(lockPath: string, what: string, options: { waitMs?: number } = {}): Promise<FileLock> {
    const path = resolve(lockPath);
    // Takers in this process queue behind one another, so that the second counts up on the first's lock.
    for (let p = pending.get(path); p; p = pending.get(path)) await p;
    const mine = held.get(path);
    if (mine) {
      mine.count++;
      return new FileLock(path);
    }
    const taking = take(path, what, options.waitMs ?? settings.waitMs);
    pending.set(
      path,
      taking.then(
        () => {},
        () => {},
      ),
    );
    try {
      held.set(path, { count: 1, content: await taking });
    } finally {
      pending.delete(path);
    }
    return new FileLock(path);
  }

  /** Who holds the lock at `lockPath` now, when anyone does. */
  static async holder(lockPath: string): Promise<LockHolder | undefined> {
    return (await readLock(resolve(lockPath)))?.holder;
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const mine = held.get(this.path);
    if (!mine) return;
    if (--mine.count > 0) return;
    held.delete(this.path);
    removeIfOursSync(this.path, mine.content);
  }
}

/** The lock file of an embedded (PGlite) database: beside its data folder, `DIR.lock`. */
export function databaseLockPath(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

/**
 * Takes the one-writer lock of a database URL when it is an embedded one (`pglite:PATH`); nothing for a server
 * (PostgreSQL coordinates its own clients) or for other targets.
 */
export async function lockDatabaseUrl(url: string): Promise<FileLock | undefined> {
  if (!url.startsWith('pglite:')) return undefined;
  const path = url.slice('pglite:'.length);
  if (path === '' || path === 'memory') return undefined;
  return FileLock.acquire(databaseLockPath(path), `the embedded database ${path}`);
}
