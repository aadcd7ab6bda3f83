import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI (packages/cli/dist, through bin/ferry.js), as a user runs it. */
export const ferryBin = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));

export interface SpawnedFerry {
  child: ChildProcess;
  /** Resolves when the process ends: its exit code (or the signal that ended it) and its whole output. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `ferry ARGS` as a child process (stdout and stderr piped, so neither is a terminal); `env` replaces the environment. */
export function spawnFerry(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): SpawnedFerry {
  const child = spawn(process.execPath, [ferryBin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Polls until `ready()` holds (or fails the test after `timeoutMs`). */
export async function waitUntil(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
