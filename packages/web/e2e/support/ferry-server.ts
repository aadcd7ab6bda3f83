import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const ferryBin = join(repoRoot, 'packages/cli/bin/ferry.js');
const cliBuild = join(repoRoot, 'packages/cli/dist/index.js');
const webBuild = join(repoRoot, 'packages/web/dist/index.html');

/** The bootstrap super admin of every e2e server. */
export const bootstrapAdmin = { email: 'admin@ferry.local', password: 'Correct-Horse-Battery-Staple-42' };

/** A `ferry serve` child process on a free port and a fresh embedded database. */
export interface FerryServer {
  url: string;
  dataDir: string;
  /** Everything the server printed (for diagnosing a failed journey). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real `ferry serve` (the built CLI, which serves the built UI) on port 0 with a fresh PGlite database
 * under a temporary FERRY_DATA_DIR, migrated on start, with the bootstrap admin's password set.
 *
 * @example
 * const server = await startFerryServer();
 * await page.goto(`${server.url}/login`);
 */
export async function startFerryServer(env: Record<string, string> = {}): Promise<FerryServer> {
  for (const [file, what] of [
    [cliBuild, 'the CLI'],
    [webBuild, 'the web UI'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${what} is not built (no ${file}): run npm run build first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ferry-e2e-'));
  let output = '';
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    FERRY_MODE: 'development',
    FERRY_DATA_DIR: dataDir,
    FERRY_RUN_MIGRATIONS: 'true',
    FERRY_BOOTSTRAP_ADMIN_EMAIL: bootstrapAdmin.email,
    FERRY_BOOTSTRAP_ADMIN_PASSWORD: bootstrapAdmin.password,
    FERRY_ARGON2_MEMORY_KIB: '4096',
    FERRY_ARGON2_ITERATIONS: '1',
    FERRY_LOG_LEVEL: 'warn',
    ...env,
  };
  // The embedded database under FERRY_DATA_DIR, whatever the caller's shell points at.
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [ferryBin, 'serve', '--port', '0'], {
    cwd: dataDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ferry serve did not start in 150 s:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+?) /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ferry serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
